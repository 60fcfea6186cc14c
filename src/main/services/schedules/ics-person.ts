import { RE2JS } from 're2js';

/**
 * How a feed's events name their person, when the built-in shapes do not fit (see
 * {@link personOfEvent}). Set per feed.
 */
export interface IcsPersonRule {
  /**
   * Everyone in this feed is this person: a personal feed ("my shifts" in PagerDuty, GoAlert's
   * own-shifts subscription) names nobody, because it is one person's.
   */
  readonly person?: string;
  /**
   * An RE2 pattern (linear-time, so a feed's text cannot make it hang) applied to SUMMARY;
   * the person is its group named `person`, or else its first group.
   */
  readonly pattern?: string;
}

/**
 * A rule as a key: two layers reading one URL with different rules are two feeds.
 * @param rule - a feed's rule
 */
export function personRuleKey(rule: IcsPersonRule = {}): string {
  return JSON.stringify([rule.person ?? null, rule.pattern ?? null]);
}

/** What of one event names its person. */
export interface IcsEventWords {
  readonly summary: string;
  /** Each ATTENDEE: its CN parameter when present, else the address without `mailto:`. */
  readonly attendees: readonly string[];
}

/** A compiled rule: the person of an event, or undefined when it names nobody. */
export type PersonOf = (event: IcsEventWords) => string | undefined;

// PagerDuty: "On Call - Jane Doe - Primary Schedule" (the schedule's name may itself hold " - ").
const PAGERDUTY = RE2JS.compile('^On Call - (.+?)(?: - .*)?$');
// GoAlert, a full-schedule subscription: "Jane Doe On-Call (GoAlert: Primary)", with " Begins*"
// when the shift's end is beyond what GoAlert rendered (target/goalert calsub/renderical.go).
const GOALERT_NAMED = RE2JS.compile('^(.+?) On-Call \\([^)]*\\)(?: Begins\\*)?$');
// GoAlert, a personal subscription: "On-Call (GoAlert: Primary)", nobody named.
const GOALERT_PERSONAL = RE2JS.compile('^On-Call \\([^)]*\\)(?: Begins\\*)?$');

/**
 * Compile a feed's rule, or say what is wrong with its pattern.
 * @param rule - the feed's rule; empty for the built-in shapes
 * @throws Error naming the pattern and what RE2 made of it
 */
export function compilePersonRule(rule: IcsPersonRule = {}): PersonOf {
  const fixed = rule.person?.trim();
  if (fixed) return () => fixed;
  if (rule.pattern !== undefined) {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(rule.pattern);
    } catch (error) {
      throw new Error(
        `the person pattern “${rule.pattern}” is not a valid RE2 pattern (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    const named = 'person' in compiled.namedGroups();
    return (event) => {
      const matcher = compiled.matcher(event.summary);
      if (!matcher.find()) return undefined;
      const found = named
        ? matcher.group('person')
        : matcher.groupCount() > 0
          ? matcher.group(1)
          : matcher.group(0);
      return found?.trim() || undefined;
    };
  }
  return personOfEvent;
}

/**
 * The built-in rule, in order:
 * 1. PagerDuty's SUMMARY "On Call - <name> - <schedule>";
 * 2. GoAlert's full-schedule SUMMARY "<name> On-Call (GoAlert: <schedule>)";
 * 3. the first ATTENDEE (its CN, else its address): PagerDuty names the user's e-mail there;
 * 4. any other SUMMARY whole (Opsgenie's export, a hand-kept team calendar: the event is titled
 *    by the person), except GoAlert's personal "On-Call (…)", which names nobody: such a feed
 *    needs {@link IcsPersonRule.person}.
 * @param event - the event's SUMMARY and attendees
 */
export function personOfEvent(event: IcsEventWords): string | undefined {
  const summary = event.summary.trim();
  for (const shape of [PAGERDUTY, GOALERT_NAMED]) {
    const matcher = shape.matcher(summary);
    if (matcher.find()) {
      const name = matcher.group(1)?.trim();
      if (name) return name;
    }
  }
  const attendee = event.attendees.find((a) => a.trim() !== '')?.trim();
  if (attendee) return attendee;
  if (summary === '' || GOALERT_PERSONAL.matcher(summary).find()) return undefined;
  return summary;
}
