/**
 * The command line as a user gets it: `npm pack`, installed from the tarball into a temporary prefix,
 * its `await-deploy` bin run with a chosen Node on PATH (the bin's `#!/usr/bin/env node` picks it).
 */
import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runChild } from '../../sim/child.ts';
import { REPO_ROOT, assertNoSecretShown, secretsOfRun } from '../../sim/run-action.ts';
import { readAsGitlab } from './gitlab-dotenv.ts';

export interface PackedCli {
  /** the files the tarball holds, relative to the package root */
  files: string[];
  /** the installed bin */
  bin: string;
  /** a directory whose `node` is `nodeBinary`, to put first on PATH */
  nodeOnPath(nodeBinary: string): string;
  remove(): void;
}

export function installPackedCli(): PackedCli {
  const root = mkdtempSync(join(tmpdir(), 'await-deploy-cli-'));
  const quiet: ExecFileSyncOptionsWithStringEncoding = { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe' };
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', root], quiet)) as [
    { filename: string; files: { path: string }[] },
  ];
  const prefix = join(root, 'prefix');
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(root, packed.filename)],
    quiet,
  );
  let nodes = 0;
  return {
    files: packed.files.map((file) => file.path).sort(),
    bin: join(prefix, 'bin', 'await-deploy'),
    nodeOnPath(nodeBinary) {
      const dir = join(root, `node-${++nodes}`);
      mkdirSync(dir);
      symlinkSync(nodeBinary, join(dir, 'node'));
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Other Node binaries on PATH (outside node_modules), with their versions: the package must run on each. */
export function otherNodesOnPath(): { binary: string; version: string }[] {
  const found = new Map<string, string>();
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const binary = join(dir, 'node');
    if (dir.includes('node_modules') || !existsSync(binary)) continue;
    try {
      accessSync(binary, constants.X_OK);
      const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
      if (version !== process.version && ![...found.values()].includes(version)) found.set(binary, version);
    } catch {
      // not runnable: not a Node to test on
    }
  }
  return [...found].map(([binary, version]) => ({ binary, version }));
}

export interface CliRunOptions {
  /** `--name value` per entry */
  inputs?: Record<string, string>;
  /** raw arguments after the inputs (`--deploy`, `--json`…) */
  args?: string[];
  /** inputs as AWAIT_DEPLOY_<INPUT> variables */
  envInputs?: Record<string, string>;
  /** other environment variables */
  env?: Record<string, string>;
  /** pass --output and --summary files (default true) */
  files?: boolean;
  signal?: { name: NodeJS.Signals; afterMs: number };
  /** the Node binary that runs the bin (default: this one) */
  node?: string;
}

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** the --output file as GitLab reads it ({} when not written) */
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
  durationMs: number;
  signalledAtMs?: number;
}

export async function runPackedCli(cli: PackedCli, options: CliRunOptions): Promise<CliRun> {
  const work = mkdtempSync(join(tmpdir(), 'await-deploy-cli-run-'));
  const outputPath = join(work, 'outputs.env');
  const summaryPath = join(work, 'summary.md');
  const args = [
    ...Object.entries(options.inputs ?? {}).flatMap(([name, value]) => [`--${name}`, value]),
    ...(options.args ?? []),
    ...(options.files === false ? [] : ['--output', outputPath, '--summary', summaryPath]),
  ];
  const env: Record<string, string> = {
    PATH: [cli.nodeOnPath(options.node ?? process.execPath), '/usr/bin', '/bin'].join(delimiter),
    HOME: work,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.envInputs ?? {})) {
    env[`AWAIT_DEPLOY_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  }
  const { exitCode, stdout, stderr, durationMs, signalledAtMs } = await runChild(cli.bin, args, {
    env,
    cwd: work,
    signal: options.signal,
    killAfterMs: 60_000,
  });
  const outputFile = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  const summary = existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '';
  rmSync(work, { recursive: true, force: true });
  const given = { ...options.envInputs, ...options.inputs };
  assertNoSecretShown(secretsOfRun(given), { stdout, stderr, '--output file': outputFile, summary });
  const outputs = outputFile ? readAsGitlab(outputFile) : {};
  return { exitCode, stdout, stderr, outputs, outputFile, summary, durationMs, signalledAtMs };
}
