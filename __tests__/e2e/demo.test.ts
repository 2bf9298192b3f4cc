/** `npm run demo`: every scenario its --help lists runs the bundle and ends as that scenario says. */
import { spawnSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../sim/run-action.ts';

const DEMO = ['scripts/demo.ts'];

function demo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...DEMO, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const help = spawnSync(process.execPath, [...DEMO, '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
const listed = [...help.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((match) => match[1] ?? '');

/** The verdict each scenario stands for, and the action's exit code for it. */
const EXPECTED: Record<string, { status: string; exitCode: number; heading: RegExp }> = {
  succeeded: { status: 'succeeded', exitCode: 0, heading: /^## ✅ Deploy ready$/m },
  failed: { status: 'failed', exitCode: 1, heading: /^## ❌ Deploy failed: Order_Sync, Billing_Sync$/m },
  'timed-out': { status: 'timed_out', exitCode: 1, heading: /^## ⌛ Deploy timed out: Order_Sync, Billing_Sync$/m },
  degraded: { status: 'degraded', exitCode: 1, heading: /^## 🟡 Deploy degraded — not ready: deploy$/m },
  cancelled: { status: 'cancelled', exitCode: 1, heading: /^## 🚫 Wait cancelled: Order_Sync, Billing_Sync$/m },
  'not-found': { status: 'not_found', exitCode: 1, heading: /^## 🔍 Deploy not found: 8xL8bowB8y25Tqfenm50$/m },
  error: { status: 'error', exitCode: 1, heading: /^## 💥 Deploy could not be checked: 8xL8bowB8y25Tqfenm50$/m },
};

describe('npm run demo', () => {
  it('--help lists the providers and every scenario', () => {
    expect(help.status).toBe(0);
    expect(listed).toEqual(Object.keys(EXPECTED));
    expect(help.stdout).toContain('sap-cloud-integration, opensearch-flow-framework, nl-flow, installer');
  });

  it('an unknown option is one line of error, exit code 2', async () => {
    const run = await demo(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(["demo: Unknown option '--bogus' (see npm run demo -- --help)"]);
  });

  describe('each scenario', () => {
    for (const scenario of listed) {
      it(`${scenario}: the verdict's exit code and its summary`, async () => {
        const expected = EXPECTED[scenario];
        const run = await demo(['--scenario', scenario]);
        expect(run.code).toBe(expected?.exitCode);
        expect(run.stdout).toContain(`status: ${expected?.status}\n`);
        expect(run.stdout).toMatch(/── job summary \(GITHUB_STEP_SUMMARY\)/);
        expect(run.stdout).toMatch(expected?.heading ?? /never/);
      });
    }
  });
});

describe('npm run sim', () => {
  const sim = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/sim.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

  it('--help prints the usage and exits 0; an unknown provider is one line of error, exit code 2', () => {
    const help = sim(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run sim -- <sap-cloud-integration\|/);
    const unknown = sim(['bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});
