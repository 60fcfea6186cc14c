/** Who a request goes to, in the words its messages use. */
export interface PeerWords {
  /** Its name, as in "is Alertmanager running?" and "is Opsgenie overloaded?". */
  readonly name: string;
  /**
   * The question a wrong answer (not JSON, too large) ends with: "is this URL an
   * Alertmanager?".
   */
  readonly check: string;
  /** The hint for a refused connection; `is <name> running?` by default (a SaaS API always is). */
  readonly refused?: string;
}
