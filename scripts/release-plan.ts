/**
 * `node scripts/release-plan.ts vX.Y.Z` (or `X.Y.Z`), run at the root of the repository: checks
 * that package.json, CHANGELOG.md and the tags agree with the release, and prints what the
 * release workflow does as `name=value` lines for `$GITHUB_OUTPUT`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { planOutputs, planRelease } from './release/plan.ts';

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();

try {
  const tags = git('tag', '--list', 'v*').split('\n').filter(Boolean);
  const plan = planRelease(process.argv[2] ?? '', {
    packageVersion: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    changelog: readFileSync('CHANGELOG.md', 'utf8'),
    tags,
  });
  if (plan.tagExists && git('rev-list', '-n', '1', plan.tag) !== git('rev-parse', 'HEAD')) {
    throw new Error(`${plan.tag} exists and points at another commit than the one being released.`);
  }
  process.stdout.write(planOutputs(plan));
} catch (error) {
  console.error(`release-plan: ${(error as Error).message}`);
  process.exitCode = 1;
}
