import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

// One running test/support/escalation-child.ts, driven a command at a time, and killed with
// SIGKILL where a crash test says.

/** One running child and the commands it has answered. */
export class EscalationChildProcess {
  private readonly process: ChildProcessWithoutNullStreams;
  private answered = 0;
  private waiters: (() => void)[] = [];
  stderr = '';
  readonly exited: Promise<void>;

  /**
   * @param file - the compiled child
   * @param args - its arguments: home, capture file, and optionally the outbound setup file
   */
  constructor(file: string, args: readonly string[]) {
    this.process = spawn(process.execPath, [file, ...args], { stdio: 'pipe' });
    this.process.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.answered += chunk.split('\n').length - 1;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.process.on('close', () => resolve()));
  }

  /** Send a command and wait for its `ok`. */
  async run(command: object): Promise<void> {
    const want = this.answered + 1;
    this.process.stdin.write(`${JSON.stringify(command)}\n`);
    while (this.answered < want) {
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        this.exited.then(() => {
          throw new Error(`the child ended early:\n${this.stderr}`);
        }),
      ]);
    }
  }

  /** Send a command and kill the child `delayMs` later, whatever it is doing. */
  async runAndKill(command: object, delayMs: number): Promise<void> {
    this.process.stdin.write(`${JSON.stringify(command)}\n`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    this.kill();
    await this.exited;
  }

  /** Kill it now (SIGKILL), wherever it is. */
  kill(): void {
    this.process.kill('SIGKILL');
  }

  async end(): Promise<void> {
    this.process.stdin.end();
    await this.exited;
  }
}
