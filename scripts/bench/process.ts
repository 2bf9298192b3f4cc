/** Child processes timed the same way for every command, with their peak memory. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runnerWorkspace } from '../../sim/run-action.ts';

export interface Timed {
  exitCode: number | null;
  wallMs: number;
  /** VmHWM of the child, polled while it runs; undefined where /proc is missing */
  peakRssMb?: number;
}

const RSS_POLL_MS = 10;

/** Wall time from spawn to exit, measured in this process. */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: 'ignore' });
  let peakKb: number | undefined;
  const poll = setInterval(() => (peakKb = highWaterMarkKb(child.pid) ?? peakKb), RSS_POLL_MS);
  const exitCode = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const wallMs = performance.now() - started;
  clearInterval(poll);
  return { exitCode, wallMs, peakRssMb: peakKb === undefined ? undefined : peakKb / 1024 };
}

function highWaterMarkKb(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node dist/index.js` the way the runner does: INPUT_* variables, output and summary files. */
export async function timedAction(bundle: string, inputs: Record<string, string>): Promise<Timed> {
  const workspace = runnerWorkspace(inputs);
  try {
    return await timed(process.execPath, [bundle], workspace.env);
  } finally {
    workspace.remove();
  }
}

/** Simulated seconds → a duration input in real time (`250ms`) at the given time scale. */
export const scaledDurations =
  (scale: number) =>
  (seconds: number): string =>
    `${Math.round(seconds * 1000 * scale)}ms`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function mean(values: number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}
