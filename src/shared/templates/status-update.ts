import { resolveTimeZone } from '../incident/event-time';

/** Where the response stands, as status pages word it. */
export type StatusPhase = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** The audiences an update is written for. */
export type StatusTemplateKind = 'internal' | 'status-page' | 'customer-email' | 'resolution';

/**
 * What the internal update says where the news goes until someone writes it; the UI warns while
 * a draft still holds it, so it never goes out as is.
 */
export const STATUS_MESSAGE_PLACEHOLDER = '(what changed since the last update)';

/** Every template, in the order the UI offers them. */
export const STATUS_TEMPLATE_KINDS: readonly StatusTemplateKind[] = [
  'internal',
  'status-page',
  'customer-email',
  'resolution',
];

/** What a status update is filled from: the incident as it stands, plus what is new. */
export interface StatusUpdateInput {
  title: string;
  /** Severity in the team's own vocabulary, e.g. `SEV2` or `P1`. */
  severityLabel: string;
  phase: StatusPhase;
  /** Who or what is affected, in words a customer understands. */
  impact: string;
  affectedServices: readonly string[];
  /** The person holding the Incident Commander role, if assigned. */
  commander?: string;
  /** When the incident started (ISO 8601). */
  startedAt: string;
  /** When this update goes out (ISO 8601). */
  now: string;
  /** When the next update is promised (ISO 8601); none once resolved. */
  nextUpdateAt?: string;
  /** What changed since the last update, as the author writes it. */
  message: string;
  /** A way around the problem for users, if there is one. */
  workaround?: string;
  /** The incident's chat channel, for internal readers. */
  channel?: string;
  /**
   * The zone times are written in, and named after each time (`16:56 Europe/Berlin`): the
   * writer's, the one the app shows. UTC when left out or not a zone.
   */
  timeZone?: string;
}

/** A filled template: a subject where the medium has one, and the text. */
export interface StatusUpdateText {
  subject?: string;
  body: string;
}

const PHASE_WORD: Record<StatusPhase, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * The word a status page shows for a phase.
 * @param phase - where the response stands
 */
export function phaseLabel(phase: StatusPhase): string {
  return PHASE_WORD[phase];
}

/**
 * Fill one status-update template from the incident. The result is plain text, meant to be
 * reviewed and edited before it is posted; nothing in it is HTML.
 * @param kind - which audience the update is for
 * @param input - the incident's facts and the author's message
 */
export function renderStatusUpdate(
  kind: StatusTemplateKind,
  input: StatusUpdateInput,
): StatusUpdateText {
  switch (kind) {
    case 'internal':
      return { body: internalUpdate(input) };
    case 'status-page':
      return { body: statusPageUpdate(input) };
    case 'customer-email':
      return customerEmail(input);
    case 'resolution':
      return resolutionNotice(input);
  }
}

/**
 * Format an ISO instant as `YYYY-MM-DD HH:MM UTC`.
 * @param iso - an ISO 8601 instant
 */
export function formatUtc(iso: string): string {
  return formatInZone(iso, 'UTC');
}

/**
 * Format an ISO instant as `YYYY-MM-DD HH:MM <zone>` on that zone's clock, the zone named, so
 * readers elsewhere know which clock it is: `2026-12-04 16:56 Europe/Berlin`, `… 15:56 UTC`.
 * @param iso - an ISO 8601 instant
 * @param timeZone - an IANA name, UTC or an offset; UTC when not a zone
 */
export function formatInZone(iso: string, timeZone: string): string {
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) return iso;
  const zone = resolveTimeZone(timeZone) ?? resolveTimeZone('UTC');
  const name = zone === undefined || zone.spec === 'Z' || zone.spec === 'GMT' ? 'UTC' : zone.spec;
  const shifted = new Date(parsed + (zone?.offsetAt(parsed) ?? 0)).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${name}`;
}

function when(input: StatusUpdateInput, iso: string): string {
  return formatInZone(iso, input.timeZone ?? 'UTC');
}

function timeOnly(input: StatusUpdateInput, iso: string): string {
  return when(input, iso).slice(11);
}

/**
 * End a sentence that closes with text the user typed: their own full stop (or `!`, `?`, `…`) is
 * kept, not doubled (`…time out.` rather than `…time out..`).
 * @param text - the sentence so far
 */
function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function lines(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

function services(input: StatusUpdateInput): string | undefined {
  return input.affectedServices.length > 0
    ? `Affected: ${input.affectedServices.join(', ')}`
    : undefined;
}

function nextUpdate(input: StatusUpdateInput): string | undefined {
  return input.nextUpdateAt && input.phase !== 'resolved'
    ? `Next update by ${timeOnly(input, input.nextUpdateAt)}.`
    : undefined;
}

function internalUpdate(input: StatusUpdateInput): string {
  return lines(
    `[${input.severityLabel}] ${input.title} — ${phaseLabel(input.phase)}`,
    `Started ${when(input, input.startedAt)} · as of ${timeOnly(input, input.now)}`,
    input.commander
      ? `Incident Commander: ${input.commander}`
      : 'Incident Commander: not assigned yet',
    `Impact: ${input.impact || 'being assessed'}`,
    services(input),
    '',
    input.message.trim() || STATUS_MESSAGE_PLACEHOLDER,
    input.workaround ? `Workaround: ${input.workaround}` : undefined,
    '',
    nextUpdate(input),
    input.channel ? `Coordination in ${input.channel}.` : undefined,
  ).trimEnd();
}

function statusPageUpdate(input: StatusUpdateInput): string {
  return lines(
    `${phaseLabel(input.phase)} — ${when(input, input.now)}`,
    '',
    input.message.trim() ||
      sentence(`We are looking into a problem: ${input.impact || input.title}`),
    input.workaround ? `Until it is fixed: ${input.workaround}` : undefined,
    nextUpdate(input) ? '' : undefined,
    nextUpdate(input),
  ).trimEnd();
}

function customerEmail(input: StatusUpdateInput): StatusUpdateText {
  return {
    subject: `Service disruption: ${input.title} (${phaseLabel(input.phase).toLowerCase()})`,
    body: lines(
      'Hello,',
      '',
      sentence(
        `Since ${when(input, input.startedAt)} ${input.impact || 'some of our services are not working as they should'}`,
      ),
      services(input),
      '',
      input.message.trim() || 'Our engineers are working on it now.',
      input.workaround ? `\nIn the meantime: ${input.workaround}` : undefined,
      '',
      nextUpdate(input)
        ? `We will write again by ${when(input, input.nextUpdateAt!)}, sooner if anything changes.`
        : undefined,
      'We are sorry for the trouble.',
    ).trimEnd(),
  };
}

function resolutionNotice(input: StatusUpdateInput): StatusUpdateText {
  return {
    subject: `Resolved: ${input.title}`,
    body: lines(
      `Resolved — ${when(input, input.now)}`,
      '',
      `${input.title}: the problem that began ${when(input, input.startedAt)} is fixed and service is back to normal.`,
      services(input),
      input.message.trim() ? `\n${input.message.trim()}` : undefined,
      '',
      'We will look into how this happened and what will stop it happening again.',
    ).trimEnd(),
  };
}
