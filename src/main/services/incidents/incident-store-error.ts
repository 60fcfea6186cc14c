/** An incident store failure that is not the operation's fault, answered with its code. */
export class IncidentStoreError extends Error {
  /**
   * @param code - `not-found`: no such incident; `unavailable`: it cannot be read or changed now
   * @param message - one sentence a person can act on
   */
  constructor(
    readonly code: 'not-found' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'IncidentStoreError';
  }
}
