/**
 * What adding alerts to an incident did, in one sentence: the app skips alerts the incident
 * already follows, and the user must not be left wondering why nothing new shows up.
 * @param requested - how many alerts were asked to be added
 * @param added - how many of them were new to the incident
 */
export function attachOutcome(requested: number, added: number): string {
  const alerts = (n: number): string => `${n} ${n === 1 ? 'alert' : 'alerts'}`;
  if (added === 0) {
    return requested === 1
      ? 'Nothing added: this alert is already on this incident.'
      : `Nothing added: all ${requested} alerts are already on this incident.`;
  }
  if (added >= requested) return `Added ${alerts(added)} to this incident.`;
  const skipped = requested - added;
  return (
    `Added ${alerts(added)}; the other ${skipped === 1 ? 'one was' : `${skipped} were`} ` +
    'already on this incident.'
  );
}
