/**
 * `npm run bench` and the simulators run under Node's own type stripping, which does not map an import of
 * `x.js` onto `x.ts` as the TypeScript build and vitest do: every module they load must load in plain Node.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../sim/run-action.ts';

const modules = ['scripts/bench', 'sim'].flatMap((dir) =>
  readdirSync(`${REPO_ROOT}/${dir}`)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `./${dir}/${name}`),
);

it('loads every benchmark and simulator module in plain Node', () => {
  const imports = modules.map((path) => `await import(${JSON.stringify(path)});`).join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', imports], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr.split('\n').find((line) => line.includes('Error')) ?? '').toBe('');
  expect(run.status).toBe(0);
});
