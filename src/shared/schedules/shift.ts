/**
 * One stretch of time during which one person is on call in one layer of a schedule. Rotations
 * expand to shifts, and so do iCalendar feeds (PagerDuty, Opsgenie and GoAlert export them), so
 * everything that asks "who is on call" reads shifts, whatever made them.
 */
export interface Shift {
  /** The person on call, as the schedule names them (a profile name or a feed's attendee). */
  readonly person: string;
  /** When the shift starts (inclusive), epoch milliseconds. */
  readonly start: number;
  /** When the shift ends (exclusive), epoch milliseconds. */
  readonly end: number;
}
