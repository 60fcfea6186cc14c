/** What the app sends the sync server now and then on an idle connection (a stateless message). */
export const KEEPALIVE_PING = 'oncall:ping';

/** What the sync server answers to {@link KEEPALIVE_PING}, so the connection is seen alive. */
export const KEEPALIVE_PONG = 'oncall:pong';
