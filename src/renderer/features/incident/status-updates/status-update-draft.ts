import { INCIDENT_COMMANDER_ROLE_ID } from '../../../../shared/domain/incident-defaults';
import type { IncidentSnapshot, IncidentStatus } from '../../../../shared/incident/schema';
import {
  renderStatusUpdate,
  type StatusPhase,
  type StatusTemplateKind,
  type StatusUpdateInput,
} from '../../../../shared/templates/status-update';
import { carryTemplateChange } from './carry-template-change';

/** The template picker's words, in the order of `STATUS_TEMPLATE_KINDS`. */
export const TEMPLATE_WORDS: Readonly<Record<StatusTemplateKind, string>> = {
  internal: 'Internal update',
  'status-page': 'Status page',
  'customer-email': 'Customer email',
  resolution: 'Resolution notice',
};

/** Every phase, in the order a response goes through them. */
export const STATUS_PHASES: readonly StatusPhase[] = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
];

/** What a draft is filled from besides the incident. */
export interface DraftContext {
  /** The incident's severity in the team's words (`SEV2`, `P1`). */
  severityLabel: string;
  /** When the update is written (epoch ms). */
  nowMs: number;
  /** The zone the text's times are written in and named: the one the app shows; UTC if absent. */
  timeZone?: string;
}

/** A draft: which template and phase it was filled with, and the text as it stands. */
export interface StatusDraft {
  kind: StatusTemplateKind;
  phase: StatusPhase;
  text: string;
  /** The text as last filled: while `text` still equals it, the draft is unedited. */
  filledText: string;
  /** The incident facts it was filled from (see {@link draftFacts}). */
  filledFacts: string;
  /** What the text was filled from, so a phase switch can fill it again the same way. */
  filledFrom: { incident: IncidentSnapshot; ctx: DraftContext };
  /** What the user had typed before the last refill replaced it, for "Undo". */
  replaced?: string;
  /**
   * After a phase switch: how many of the phase's lines were left as the writer had reworded
   * them (so they may still name the old phase).
   */
  unplacedPhaseLines?: number;
}

/**
 * The phase an update most likely reports at a given status: the one a person picks nine times
 * out of ten, so the first fill rarely needs changing.
 * @param status - the incident's status
 */
export function defaultPhase(status: IncidentStatus): StatusPhase {
  switch (status) {
    case 'investigating':
      return 'investigating';
    case 'mitigated':
      return 'monitoring';
    case 'resolved':
    case 'closed':
      return 'resolved';
  }
}

/**
 * The template offered first: the internal update while the incident runs, the resolution
 * notice once it is resolved.
 * @param status - the incident's status
 */
export function defaultTemplate(status: IncidentStatus): StatusTemplateKind {
  return status === 'resolved' || status === 'closed' ? 'resolution' : 'internal';
}

/**
 * The template's input from the incident. The next update is promised one cadence from now,
 * which is when it falls due once this one is marked as posted.
 * @param incident - the incident as shown
 * @param phase - where the response stands
 * @param ctx - severity words and the current moment
 */
export function statusUpdateInput(
  incident: IncidentSnapshot,
  phase: StatusPhase,
  ctx: DraftContext,
): StatusUpdateInput {
  const commander = incident.roles.find((r) => r.id === INCIDENT_COMMANDER_ROLE_ID)?.holder;
  const cadence = incident.statusCadenceMinutes;
  const input: StatusUpdateInput = {
    title: incident.title,
    severityLabel: ctx.severityLabel,
    phase,
    impact: incident.impact,
    affectedServices: incident.affectedServices,
    startedAt: incident.times.detectedAt ?? incident.times.declaredAt ?? incident.createdAt,
    now: new Date(ctx.nowMs).toISOString(),
    message: '',
    channel: incident.channel,
  };
  if (ctx.timeZone !== undefined) input.timeZone = ctx.timeZone;
  if (commander !== undefined) input.commander = commander;
  if (cadence !== null && phase !== 'resolved') {
    input.nextUpdateAt = new Date(ctx.nowMs + cadence * 60_000).toISOString();
  }
  return input;
}

/**
 * A template filled from the incident as one editable text; a subject, where the medium has
 * one, goes on a first `Subject:` line.
 * @param incident - the incident as shown
 * @param kind - the template
 * @param phase - where the response stands
 * @param ctx - severity words and the current moment
 */
export function fillStatusText(
  incident: IncidentSnapshot,
  kind: StatusTemplateKind,
  phase: StatusPhase,
  ctx: DraftContext,
): string {
  const { subject, body } = renderStatusUpdate(kind, statusUpdateInput(incident, phase, ctx));
  return subject === undefined ? body : `Subject: ${subject}\n\n${body}`;
}

/**
 * The incident facts a template is filled from, apart from the clock: when they differ from
 * those of the draft, the draft may say something no longer true (a new commander, severity or
 * impact), and the panel offers a refill instead of doing one under the user's fingers.
 * @param incident - the incident as shown
 * @param severityLabel - the severity in the team's words
 */
export function draftFacts(incident: IncidentSnapshot, severityLabel: string): string {
  return JSON.stringify([
    incident.title,
    severityLabel,
    incident.impact,
    incident.affectedServices,
    incident.roles.find((r) => r.id === INCIDENT_COMMANDER_ROLE_ID)?.holder ?? null,
    incident.statusCadenceMinutes,
    incident.channel,
  ]);
}

/**
 * A draft freshly filled with a template and phase. Whatever the user had typed is kept in
 * `replaced`, so a refill never loses work for good.
 * @param incident - the incident as shown
 * @param kind - the template
 * @param phase - where the response stands
 * @param ctx - severity words and the current moment
 * @param before - the draft being replaced, if any
 */
export function fillDraft(
  incident: IncidentSnapshot,
  kind: StatusTemplateKind,
  phase: StatusPhase,
  ctx: DraftContext,
  before?: StatusDraft,
): StatusDraft {
  const text = fillStatusText(incident, kind, phase, ctx);
  const draft: StatusDraft = {
    kind,
    phase,
    text,
    filledText: text,
    filledFacts: draftFacts(incident, ctx.severityLabel),
    filledFrom: { incident, ctx },
  };
  if (before !== undefined && isEdited(before) && before.text.trim() !== '') {
    draft.replaced = before.text;
  }
  return draft;
}

/**
 * The first draft for an incident: the template and phase that fit its status.
 * @param incident - the incident as shown
 * @param ctx - severity words and the current moment
 */
export function firstDraft(incident: IncidentSnapshot, ctx: DraftContext): StatusDraft {
  return fillDraft(incident, defaultTemplate(incident.status), defaultPhase(incident.status), ctx);
}

/**
 * Switch the phase. An untouched draft is filled again; an edited one keeps the writer's words
 * and changes only what the phase owns (the phase word in the heading or subject, the
 * next-update promise), as the template words it, from the same facts and time as before.
 * @param draft - the draft as it stands
 * @param phase - the phase picked
 * @param incident - the incident as shown now (for an untouched draft)
 * @param ctx - severity words and the current moment (for an untouched draft)
 */
export function switchPhase(
  draft: StatusDraft,
  phase: StatusPhase,
  incident: IncidentSnapshot,
  ctx: DraftContext,
): StatusDraft {
  if (!isEdited(draft)) return fillDraft(incident, draft.kind, phase, ctx);
  const { incident: filledIncident, ctx: filledCtx } = draft.filledFrom;
  const after = fillStatusText(filledIncident, draft.kind, phase, filledCtx);
  const carried = carryTemplateChange(draft.text, draft.filledText, after);
  const { replaced: _replaced, unplacedPhaseLines: _unplaced, ...rest } = draft;
  const switched: StatusDraft = { ...rest, phase, text: carried.text, filledText: after };
  if (carried.skipped > 0) switched.unplacedPhaseLines = carried.skipped;
  return switched;
}

/**
 * Pick another template. The resolution notice only ever reports a resolved incident, so it
 * brings the phase along.
 * @param draft - the draft as it stands
 * @param kind - the template picked
 */
export function phaseForTemplate(draft: StatusDraft, kind: StatusTemplateKind): StatusPhase {
  return kind === 'resolution' ? 'resolved' : draft.phase;
}

/**
 * True once the user has changed the text the template filled in.
 * @param draft - the draft
 */
export function isEdited(draft: StatusDraft): boolean {
  return draft.text !== draft.filledText;
}

/**
 * True when the incident changed since the draft was filled in a way the text would show.
 * @param draft - the draft
 * @param incident - the incident as shown now
 * @param severityLabel - the severity in the team's words
 */
export function isStale(
  draft: StatusDraft,
  incident: IncidentSnapshot,
  severityLabel: string,
): boolean {
  return draft.filledFacts !== draftFacts(incident, severityLabel);
}
