/**
 * Runs the bundled action the way the GitHub runner does: `node dist/index.js` with
 * INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. Used by the end-to-end
 * tests, the demo and the benchmark.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js');

export interface RunActionOptions {
  /** input name as in action.yml (`max-interval`) → value */
  inputs: Record<string, string>;
  /** extra environment (GITHUB_*, proxies…); the runner's own variables are not inherited */
  env?: Record<string, string>;
  /** send this signal after `afterMs` */
  signal?: { name: NodeJS.Signals; afterMs: number };
  /** kill the process after this long (a safety net for tests) */
  killAfterMs?: number;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /**
   * stdout and stderr as the runner shows them: without the `::add-mask::` commands, the
   * one place where @actions/core must write a secret so the runner can mask it.
   */
  visibleLog: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
  /** ms from start until the signal was sent, if one was */
  signalledAtMs?: number;
}

/** `max-interval` → `INPUT_MAX-INTERVAL`, as the runner names it. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const workDir = mkdtempSync(join(tmpdir(), 'await-deploy-run-'));
  const outputFile = join(workDir, 'output');
  const summaryFile = join(workDir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workDir,
    RUNNER_TEMP: workDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value;

  const started = Date.now();
  const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let signalledAtMs: number | undefined;
  const timers: NodeJS.Timeout[] = [];
  if (options.signal) {
    const { name, afterMs } = options.signal;
    timers.push(
      setTimeout(() => {
        signalledAtMs = Date.now() - started;
        child.kill(name);
      }, afterMs),
    );
  }
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000));
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const durationMs = Date.now() - started;
  for (const timer of timers) clearTimeout(timer);
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  const summary = readFileSync(summaryFile, 'utf8');
  rmSync(workDir, { recursive: true, force: true });
  const visibleLog = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return { exitCode, stdout, stderr, visibleLog, outputs, summary, durationMs, signalledAtMs };
}

/** Reads the `name<<delimiter … delimiter` records @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}
