import {
  runbookMatchSchema,
  type RunbookLabelMatcher,
  type RunbookMatch,
} from '../../../../shared/domain/runbook';

/**
 * A rule's label conditions in one line, as the form shows them: `service=checkout` (exact),
 * `env=prod|staging` (any of), `team=~db-.*` (RE2, whole value), joined by ", ".
 * @param match - the rule's labels, if any
 */
export function labelMatchText(match: RunbookMatch | undefined): string {
  if (!match) return '';
  return Object.entries(match)
    .map(([name, matcher]: [string, RunbookLabelMatcher]) => {
      if (typeof matcher === 'string') return `${name}=${matcher}`;
      if (Array.isArray(matcher)) return `${name}=${matcher.join('|')}`;
      return `${name}=~${matcher.regex}`;
    })
    .join(', ');
}

/** The label line read back: the conditions, or what is wrong with the line. */
export type LabelMatchParse =
  { ok: true; match: RunbookMatch | undefined } | { ok: false; error: string };

// A comma starts the next condition only where a label name and "=" follow, so a regex such as
// `a{1,3}` keeps its comma.
const NEXT_CONDITION = /,\s*(?=[A-Za-z_][A-Za-z0-9_]*\s*=)/;

/**
 * Read the label line back into a rule's `labels`; blank means no label condition.
 * @param text - what the user typed
 */
export function parseLabelMatch(text: string): LabelMatchParse {
  if (text.trim() === '') return { ok: true, match: undefined };
  const match: Record<string, RunbookLabelMatcher> = {};
  for (const part of text.trim().split(NEXT_CONDITION)) {
    const at = part.indexOf('=');
    const name = at < 0 ? '' : part.slice(0, at).trim();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    if (name === '' || value === '' || value === '~') {
      return {
        ok: false,
        error: `"${part.trim()}" is not label=value; write service=checkout, env=prod|staging or team=~db-.*`,
      };
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      return { ok: false, error: `"${name}" is not a label name (letters, digits and _)` };
    }
    if (name.startsWith('__')) {
      return { ok: false, error: `label ${name}: label names starting with __ are reserved` };
    }
    if (name in match) return { ok: false, error: `label ${name} is given twice; keep one` };
    match[name] = value.startsWith('~')
      ? { regex: value.slice(1) }
      : value.includes('|')
        ? value.split('|').map((v) => v.trim())
        : value;
  }
  const checked = runbookMatchSchema.safeParse(match);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.length ? `label ${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${where}${issue?.message ?? 'not a label condition'}` };
  }
  return { ok: true, match: checked.data };
}
