// The incident document (one Y.Doc per incident) and the pure operations on it.
// See doc-layout.ts for where everything lives in the document.
export * from './action-item-ops';
export * from './alert-title';
export * from './source-alert-ops';
export * from './apply-op';
export * from './channel';
export * from './create-incident';
export * from './doc-layout';
export * from './errors';
export * from './event-time';
export * from './lifecycle-ops';
export * from './op-context';
export * from './read-incident';
export * from './schema';
export * from './team-ops';
export * from './timeline-ops';
export * from './timeline-diff';
export * from './timeline-read-cache';
