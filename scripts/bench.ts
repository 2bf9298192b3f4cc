/**
 * `npm run bench`: what the action costs its users, measured side by side in one run — start-up against
 * bare Node and curl, detection lag and reads against other tools' schedules, many targets, timeout accuracy.
 * Prints a markdown table and writes it as JSON to bench-results.json. Not part of the tests.
 * `npm run bench -- --only startup,lag` runs some parts (`--only package`: the SAP package row alone); `--runs 15` sets the
 * start-up repetitions; `--scale 0.2` runs simulated time at 200 ms a second (50 ms by default).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLE, REPO_ROOT } from '../sim/run-action.ts';
import { benchLag } from './bench/lag.ts';
import { benchMany } from './bench/many.ts';
import { benchPackage, packageTable, type PackageRow } from './bench/package.ts';
import { benchStartup } from './bench/startup.ts';
import { renderReport, type BenchResults } from './bench/table.ts';
import { benchTimeout } from './bench/timeout.ts';

/** By default 1 simulated second = 50 real ms: a 120 s deploy takes 6 s. `--scale 0.2` is steadier on a busy machine. */
const DEFAULT_TIME_SCALE = '0.05';
const LAG_REPEATS = 100;
const PARTS = ['startup', 'lag', 'many', 'timeout', 'package'] as const;

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: PARTS.join(',') },
    runs: { type: 'string', default: '15' },
    scale: { type: 'string', default: DEFAULT_TIME_SCALE },
  },
});
const parts = new Set((values.only ?? '').split(','));
const TIME_SCALE = Number(values.scale);
if (!existsSync(BUNDLE)) {
  console.error('dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}

const results: BenchResults & { package?: PackageRow } = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  timeScale: TIME_SCALE,
  date: new Date().toISOString(),
};
const step = async <T>(name: (typeof PARTS)[number], work: () => Promise<T>): Promise<T | undefined> => {
  if (!parts.has(name)) return undefined;
  const started = performance.now();
  process.stderr.write(`bench: ${name}…`);
  const result = await work();
  process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
};
results.startup = await step('startup', () => benchStartup(BUNDLE, Number(values.runs)));
results.lag = await step('lag', () => benchLag(BUNDLE, TIME_SCALE, LAG_REPEATS));
results.many = await step('many', () => benchMany(BUNDLE, TIME_SCALE));
results.timeout = await step('timeout', () => benchTimeout(BUNDLE));
results.package = await step('package', () => benchPackage(BUNDLE));

writeFileSync(join(REPO_ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(renderReport(results));
if (results.package) console.log(`\n${packageTable(results.package)}`);
