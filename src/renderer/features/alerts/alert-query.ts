import type { Alert } from '../../../shared/domain/alert';
import { alertState } from '../../../shared/domain/alert-state';
import { compileLabelRegex, type LabelRegex } from './label-regex';

/** How a term compares a label (or a field such as `@state`) with its value, as in karma. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/**
 * The fields besides labels a term may name: the alert's state (`@state=silenced`), its source
 * by name, its severity (the team's word or `sev1`…`sev4`) and its incident (`@incident=none`:
 * not in an open incident).
 */
export const QUERY_FIELDS = ['@state', '@source', '@severity', '@incident'] as const;

/** One part of what the user typed. */
export type QueryTerm =
  | { kind: 'match'; name: string; op: MatchOp; value: string; regex?: LabelRegex }
  | { kind: 'text'; text: string };

/** A parsed filter: the terms every shown alert must meet, and what could not be read. */
export interface AlertQuery {
  terms: readonly QueryTerm[];
  /** One sentence per term that was ignored, saying why. */
  errors: readonly string[];
}

/** What the query may match besides the alert itself. */
export interface FilterContext {
  /** Name of the alert's source. */
  sourceName: string;
  /** The severity as the team says it ("SEV2", "P1"). */
  severityText: string;
  /** The open incidents the alert is in. */
  incidentIds: readonly string[];
}

const TOKEN = /([@A-Za-z_][\w.-]*)(!=|=~|!~|=)("(?:[^"\\]|\\.)*"?|\S*)|(\S+)/g;

/**
 * Read a filter as karma users write it: `label=value`, `label!=value`, `label=~regex`,
 * `label!~regex` (RE2 syntax, unanchored), values in double quotes when they hold spaces, the
 * fields of {@link QUERY_FIELDS}, and free words that must appear in the title, summary,
 * source, severity, state or a label. Every term must hold. A term that cannot be read (a bad
 * pattern, an unknown `@field`) is left out and named in `errors`, never thrown.
 * @param query - what the user typed
 */
export function parseAlertQuery(query: string): AlertQuery {
  const terms: QueryTerm[] = [];
  const errors: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [, name, op, rawValue, word] = match;
    if (word !== undefined) {
      terms.push({ kind: 'text', text: word.toLowerCase() });
      continue;
    }
    if (name === undefined || op === undefined) continue;
    const value = unquote(rawValue ?? '');
    if (name.startsWith('@') && !(QUERY_FIELDS as readonly string[]).includes(name)) {
      errors.push(`${name} is not a field; use one of ${QUERY_FIELDS.join(', ')}`);
      continue;
    }
    if (op === '=~' || op === '!~') {
      const compiled = compileLabelRegex(value);
      if (!compiled.ok) {
        errors.push(compiled.error);
        continue;
      }
      terms.push({ kind: 'match', name, op, value, regex: compiled.regex });
    } else {
      terms.push({ kind: 'match', name, op: op as MatchOp, value });
    }
  }
  return { terms, errors };
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value.endsWith('"') && value.length > 1 ? value : `${value}"`) as string;
  } catch {
    return value.slice(1, value.endsWith('"') ? -1 : undefined);
  }
}

/**
 * True when the alert meets every term of the query.
 * @param alert - the alert
 * @param query - from {@link parseAlertQuery}
 * @param context - the alert's source name, severity word and incidents
 */
export function matchesQuery(alert: Alert, query: AlertQuery, context: FilterContext): boolean {
  if (query.terms.length === 0) return true;
  let haystack: string | undefined;
  for (const term of query.terms) {
    if (term.kind === 'text') {
      haystack ??= textOf(alert, context);
      if (!haystack.includes(term.text)) return false;
    } else if (!meets(term, candidates(alert, term.name, context))) {
      return false;
    }
  }
  return true;
}

function textOf(alert: Alert, context: FilterContext): string {
  return [
    alert.title,
    alert.summary ?? '',
    context.sourceName,
    context.severityText,
    alert.status,
    alertState(alert),
    ...Object.entries(alert.labels).map(([name, value]) => `${name}=${value}`),
  ]
    .join('\n')
    .toLowerCase();
}

/** The values a term's name stands for; fields compare without regard to case. */
function candidates(alert: Alert, name: string, context: FilterContext): string[] {
  switch (name) {
    case '@state':
      return [alertState(alert)];
    case '@source':
      return [context.sourceName.toLowerCase(), alert.sourceId.toLowerCase()];
    case '@severity':
      return [alert.severity, context.severityText.toLowerCase()];
    case '@incident':
      return context.incidentIds.length === 0 ? ['none'] : [...context.incidentIds];
    default:
      // A label the alert lacks reads as empty, as in Alertmanager's matchers.
      return [alert.labels[name] ?? ''];
  }
}

function meets(term: Extract<QueryTerm, { kind: 'match' }>, values: string[]): boolean {
  const field = term.name.startsWith('@');
  const wanted = field ? term.value.toLowerCase() : term.value;
  switch (term.op) {
    case '=':
      return values.includes(wanted);
    case '!=':
      return !values.includes(wanted);
    case '=~':
      return values.some((v) => term.regex?.test(v) ?? false);
    case '!~':
      return !values.some((v) => term.regex?.test(v) ?? false);
  }
}

/**
 * The query with `name=value` added, or taken out when it is there already: what clicking a
 * label chip, a severity count or a state does. The value is quoted when it needs to be.
 * @param query - the current filter text
 * @param name - a label or a field of {@link QUERY_FIELDS}
 * @param value - the value to match exactly
 * @param op - `=` (show only these) or `!=` (hide these)
 */
export function toggleQueryTerm(
  query: string,
  name: string,
  value: string,
  op: '=' | '!=' = '=',
): string {
  const term = termText(name, value, op);
  const words = wordsOf(query);
  return words.includes(term)
    ? words.filter((w) => w !== term).join(' ')
    : [...words, term].join(' ');
}

/**
 * True when the query holds `name=value` as a term: the chip or count shows it is on.
 * @param query - the current filter text
 * @param name - the label or field
 * @param value - the value
 */
export function hasQueryTerm(query: string, name: string, value: string): boolean {
  return wordsOf(query).includes(termText(name, value, '='));
}

function termText(name: string, value: string, op: string): string {
  return `${name}${op}${/^[^\s"]+$/.test(value) ? value : JSON.stringify(value)}`;
}

// Quoted values may hold spaces; a chip's term is never split, since it is matched whole.
function wordsOf(query: string): string[] {
  return query.match(/[^\s"]*(?:"(?:[^"\\]|\\.)*"?[^\s"]*)*|\S+/g)?.filter((w) => w !== '') ?? [];
}
