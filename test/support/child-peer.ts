import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./sync-peer-child.ts', import.meta.url));
const REQUEST_TIMEOUT_MS = 30_000;

interface Reply {
  seq: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** A member's app in its own process (sync-peer-child.ts), which the test can kill -9. */
export interface ChildPeer {
  readonly name: string;
  readonly alive: boolean;
  start(): Promise<void>;
  /** SIGKILL: the app gets no chance to close anything. Pending requests fail. */
  kill(): Promise<void>;
  request<T>(message: Record<string, unknown>): Promise<T>;
}

/**
 * A member's app process over `home` talking to `url`; nothing runs until start.
 * @param name - the member
 * @param home - its home directory (kept across kills)
 * @param url - the sync server address it uses
 */
export function childPeer(name: string, home: string, url: string): ChildPeer {
  let child: ChildProcess | undefined;
  let seq = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let stderr = '';

  const failAll = (why: string) => {
    for (const pending of waiting.values()) pending.reject(new Error(why));
    waiting.clear();
  };

  return {
    name,
    get alive() {
      return child !== undefined;
    },
    async start() {
      const proc = fork(CHILD, [name, home, url], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      child = proc;
      proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      proc.on('message', (reply: Reply) => {
        const pending = waiting.get(reply.seq);
        if (!pending) return;
        waiting.delete(reply.seq);
        if (reply.ok) pending.resolve(reply.value);
        else pending.reject(new Error(reply.error));
      });
      proc.once('exit', (code, signal) => {
        if (child === proc) child = undefined;
        failAll(`${name} exited (${code ?? signal}): ${stderr}`);
      });
      await new Promise<void>((resolve, reject) => {
        waiting.set(0, { resolve: () => resolve(), reject });
      });
    },
    async kill() {
      const proc = child;
      if (!proc) return;
      child = undefined;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGKILL');
      await exited;
      failAll(`${name} was killed`);
    },
    request<T>(message: Record<string, unknown>): Promise<T> {
      const proc = child;
      if (!proc) return Promise.reject(new Error(`${name} is not running`));
      const id = ++seq;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${name} did not answer ${String(message.op)} in time`));
        }, REQUEST_TIMEOUT_MS);
        waiting.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        proc.send({ ...message, seq: id });
      });
    },
  };
}
