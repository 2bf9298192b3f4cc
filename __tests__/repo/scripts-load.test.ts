/**
 * `npm run bench`, `demo`, `docs` and `sim` run their TypeScript with Node's own type stripping, which,
 * unlike the bundler and vitest, does not map `./x.js` to `./x.ts`: a script that imports `src/` breaks
 * as soon as that module imports another. Each script module must load in plain Node.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_MODULES = readdirSync(new URL('../../scripts/bench/', import.meta.url)).filter((name) =>
  name.endsWith('.ts'),
);

describe('script modules', () => {
  it('the benchmark modules load in plain Node', () => {
    const imports = BENCH_MODULES.map((name) => `await import('./scripts/bench/${name}');`).join('\n');
    const loaded = spawnSync(process.execPath, ['--input-type=module', '-e', imports], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
  });
});
