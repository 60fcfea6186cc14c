// Shared by the webhook bench case (main thread) and push-worker.ts (worker thread).

/** The jobs the main thread can ask the worker for. */
export type PushJob = 'push' | 'raw-post';
