/**
 * Resolve once `check` holds, polling every `everyMs`; rejects after a minute (a bench that
 * never converges must not hang the table).
 * @param check - the condition
 * @param everyMs - how often to look
 */
export async function waitUntil(check: () => boolean, everyMs = 20): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('bench: the condition never held within a minute');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
