/** A child process run to its end, its stdout and stderr collected, optionally sent a signal on the way. */
import { spawn } from 'node:child_process';

export interface ChildOptions {
  env: Record<string, string>;
  cwd?: string;
  /** send this signal after `afterMs` */
  signal?: { name: NodeJS.Signals; afterMs: number };
  /** kill the process after this long (a safety net for tests) */
  killAfterMs: number;
}

export interface ChildRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** ms from start until the signal was sent, if one was */
  signalledAtMs?: number;
}

export async function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const started = Date.now();
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let signalledAtMs: number | undefined;
  const timers = [setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)];
  if (options.signal) {
    const { name, afterMs } = options.signal;
    // From the spawn, not from when it returned: the child has been starting up during spawn() already.
    timers.push(
      setTimeout(
        () => {
          signalledAtMs = Date.now() - started;
          child.kill(name);
        },
        Math.max(0, afterMs - (Date.now() - started)),
      ),
    );
  }
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  for (const timer of timers) clearTimeout(timer);
  return { exitCode, stdout, stderr, durationMs: Date.now() - started, signalledAtMs };
}
