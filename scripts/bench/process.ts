/** Child processes timed the same way for every command, with their peak memory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable } from '../../sim/run-action.ts';

export interface Timed {
  exitCode: number | null;
  wallMs: number;
  /** VmHWM of the child, polled while it runs; undefined where /proc is missing */
  peakRssMb?: number;
  stdout: string;
}

const RSS_POLL_MS = 10;

/** Wall time from spawn to exit, measured in this process. */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let peakKb: number | undefined;
  const poll = setInterval(() => (peakKb = highWaterMarkKb(child.pid) ?? peakKb), RSS_POLL_MS);
  const exitCode = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const wallMs = performance.now() - started;
  clearInterval(poll);
  return { exitCode, wallMs, peakRssMb: peakKb === undefined ? undefined : peakKb / 1024, stdout };
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
  const workDir = mkdtempSync(join(tmpdir(), 'await-deploy-bench-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: workDir,
    RUNNER_TEMP: workDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(workDir, 'output'),
    GITHUB_STEP_SUMMARY: join(workDir, 'summary'),
  };
  writeFileSync(env.GITHUB_OUTPUT as string, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY as string, '');
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  try {
    return await timed(process.execPath, [bundle], env);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function mean(values: number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}
