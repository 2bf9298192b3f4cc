/**
 * The release workflow's own shell steps, run as the runner runs them (bash -eo pipefail, the
 * job's env), in a scratch clone with a bare repository as its origin. GitHub's side is what a
 * test here cannot reach: the `uses:` steps (checkout, setup-node, attestation) are skipped, and
 * `gh` is a stand-in on the PATH that records its arguments.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gitIn } from './scratch-git.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}
const WORKFLOW = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
  jobs: Record<'plan' | 'release', Job>;
};

interface Trigger {
  event: 'push' | 'workflow_dispatch';
  /** the tag pushed, or the version typed in a manual run */
  version: string;
}

/** The few expressions the release workflow uses; any other fails the test, to be added here. */
function evaluate(text: string, trigger: Trigger, plan: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const output = /^needs\.plan\.outputs\.([\w-]+)$/.exec(expression);
    if (output?.[1] !== undefined && output[1] in plan) return plan[output[1]] ?? '';
    if (expression === 'github.token') return 'token-for-the-test';
    if (expression === "github.event_name == 'workflow_dispatch' && inputs.version || github.ref_name") {
      return trigger.version;
    }
    throw new Error(`the test does not know the expression '${expression}'`);
  });
}

function shouldRun(step: Step, plan: Record<string, string>): boolean {
  if (step.if === undefined) return true;
  const condition = /^needs\.plan\.outputs\.([\w-]+) (==|!=) '(\w+)'$/.exec(step.if);
  if (!condition) throw new Error(`the test does not know the condition '${step.if}'`);
  const [, name = '', operator, value] = condition;
  return (plan[name] === value) === (operator === '==');
}

/** A bare origin and a clone of it holding a release commit on top of an older one. */
function scratch(version: string) {
  const dir = mkdtempSync(join(tmpdir(), 'release-workflow-'));
  const work = join(dir, 'work');
  const origin = join(dir, 'origin.git');
  const git = gitIn(work);
  mkdirSync(work);
  git('init', '-q', '--bare', origin);
  git('init', '-q');
  git('remote', 'add', 'origin', origin);
  git('commit', '-q', '--allow-empty', '-m', 'v1.2.0');
  git('tag', 'v1.2.0');
  git('tag', 'v1');
  for (const path of ['scripts/release-notes.ts', 'scripts/release-plan.ts', 'scripts/release']) {
    cpSync(join(ROOT, path), join(work, path), { recursive: true });
  }
  mkdirSync(join(work, 'dist'));
  writeFileSync(join(work, 'dist/index.js'), 'run();\n');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ version }));
  writeFileSync(join(work, 'CHANGELOG.md'), `# Changelog\n\n## [${version}] - 2026-12-10\n\n### Fixed\n\n- A fix.\n`);
  git('add', '.');
  git('commit', '-qm', version);
  git('push', '-q', origin, 'HEAD:refs/heads/main', 'refs/tags/*:refs/tags/*');

  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'gh'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'gh-arguments')}"\n`);
  chmodSync(join(bin, 'gh'), 0o755);
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  return { dir, work, origin, git, bin, runnerTemp, sha: git('rev-parse', 'HEAD') };
}

/** Runs a job's `run:` steps in order; returns the outputs the steps wrote. */
function runJob(job: Job, trigger: Trigger, place: ReturnType<typeof scratch>, plan: Record<string, string> = {}) {
  const outputFile = join(place.runnerTemp, 'github-output');
  writeFileSync(outputFile, '');
  for (const step of job.steps) {
    if (step.run === undefined || !shouldRun(step, plan)) continue;
    const stepEnv = Object.fromEntries(
      Object.entries({ ...job.env, ...step.env }).map(([name, value]) => [name, evaluate(value, trigger, plan)]),
    );
    const result = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run, trigger, plan)],
      {
        cwd: place.work,
        encoding: 'utf8',
        env: {
          PATH: `${place.bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
          HOME: place.dir,
          GITHUB_SHA: place.sha,
          GITHUB_OUTPUT: outputFile,
          RUNNER_TEMP: place.runnerTemp,
          ...stepEnv,
        },
      },
    );
    if (result.status !== 0) throw new Error(`step '${step.name ?? step.run}' failed: ${result.stderr}`);
  }
  return Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
}

const originGit = (origin: string, ...args: string[]): string =>
  execFileSync('git', ['--git-dir', origin, ...args], { encoding: 'utf8' }).trim();

describe('the release workflow, run locally', () => {
  it('a manual run creates the tag, releases with the CHANGELOG notes and moves v1', () => {
    const place = scratch('1.3.0');
    const trigger: Trigger = { event: 'workflow_dispatch', version: '1.3.0' };
    const plan = runJob(WORKFLOW.jobs.plan, trigger, place);
    expect(plan).toEqual({
      version: '1.3.0',
      tag: 'v1.3.0',
      'major-tag': 'v1',
      prerelease: 'false',
      'move-major': 'true',
      'tag-exists': 'false',
    });

    runJob(WORKFLOW.jobs.release, trigger, place, plan);
    expect(originGit(place.origin, 'cat-file', '-t', 'v1.3.0')).toBe('tag');
    expect(originGit(place.origin, 'rev-parse', 'v1.3.0^{commit}')).toBe(place.sha);
    expect(originGit(place.origin, 'rev-parse', 'v1')).toBe(place.sha);
    const notes = join(place.runnerTemp, 'notes.md');
    expect(readFileSync(join(place.dir, 'gh-arguments'), 'utf8').split('\n')).toEqual([
      'release',
      'create',
      'v1.3.0',
      'dist/index.js',
      '--verify-tag',
      '--title',
      'v1.3.0',
      '--notes-file',
      notes,
      '',
    ]);
    expect(readFileSync(notes, 'utf8')).toBe('### Fixed\n\n- A fix.\n');
  });

  it('a pushed pre-release tag is released as a pre-release and leaves v1 where it was', () => {
    const place = scratch('1.4.0-rc.1');
    place.git('tag', '-a', 'v1.4.0-rc.1', '-m', 'v1.4.0-rc.1');
    place.git('push', '-q', 'origin', 'refs/tags/v1.4.0-rc.1');
    const oldMajor = originGit(place.origin, 'rev-parse', 'v1');
    const trigger: Trigger = { event: 'push', version: 'v1.4.0-rc.1' };
    const plan = runJob(WORKFLOW.jobs.plan, trigger, place);
    expect(plan).toMatchObject({ prerelease: 'true', 'move-major': 'false', 'tag-exists': 'true' });

    runJob(WORKFLOW.jobs.release, trigger, place, plan);
    expect(originGit(place.origin, 'rev-parse', 'v1')).toBe(oldMajor);
    expect(readFileSync(join(place.dir, 'gh-arguments'), 'utf8')).toMatch(/^--prerelease$/m);
  });
});
