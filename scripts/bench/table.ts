/** The benchmark's results as markdown, with the goals of the issue beside the figures. */
import { table } from '../../src/report/format.ts';
import type { LagRow } from './lag.ts';
import type { ManyRow } from './many.ts';
import type { StartupResult } from './startup.ts';
import type { TimeoutRow } from './timeout.ts';

export interface BenchResults {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; freeMemoryGiB: number; node: string; platform: string };
  timeScale: number;
  date: string;
  startup?: StartupResult;
  lag?: LagRow[];
  many?: ManyRow[];
  timeout?: TimeoutRow[];
}

const STARTUP_GOAL = 4;
const MANY_WALL_GOAL = 1.5;
const RSS_GOAL_MB = 150;

export function renderReport(results: BenchResults): string {
  const { machine } = results;
  const sections = [
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, Node ${machine.node} (${machine.platform}); ${results.date.slice(0, 10)}.`,
  ];
  if (results.startup) sections.push(startupTable(results.startup));
  if (results.lag) sections.push(lagTable(results.lag, results.timeScale));
  if (results.many) sections.push(manyTable(results.many, results.timeScale));
  if (results.timeout) sections.push(timeoutTable(results.timeout));
  return sections.join('\n\n');
}

function startupTable(startup: StartupResult): string {
  const { bundle } = startup;
  const ratio = startup.ratioToBareNode;
  return [
    `**Start-up** (whole process, median of ${startup.runs} interleaved runs, target already ready)`,
    '',
    table(
      ['command', 'wall', '× node -e 0'],
      [
        ['`node -e 0`', ms(startup.bareNodeMs), '1.0×'],
        [
          `one \`${startup.oneShot.tool}\` of the status URL`,
          ms(startup.oneShot.medianMs),
          times(startup.oneShot.medianMs / startup.bareNodeMs),
        ],
        [
          '`node dist/index.js`',
          ms(startup.actionMs),
          `${times(ratio)} (goal ≤ ${STARTUP_GOAL}×: ${ratio <= STARTUP_GOAL ? 'met' : 'missed'})`,
        ],
      ],
    ),
    '',
    `Bundle: \`dist/index.js\` ${kb(bundle.entryBytes)}, ${bundle.chunks} chunks loaded on demand, ${kb(bundle.totalBytes)} in all; ${bundle.undiciCopies} cop${bundle.undiciCopies === 1 ? 'y' : 'ies'} of undici. Peak RSS of the run: ${startup.actionPeakRssMb.toFixed(0)} MB.`,
  ].join('\n');
}

function lagTable(rows: LagRow[], scale: number): string {
  return [
    `**Detection lag and status reads** (simulated seconds; 1 s = ${scale * 1000} ms real; ${'fixed loops are the action with `backoff: 1` and the same ±20% jitter'}; mean and worst over the repeats)`,
    '',
    table(
      ['deploy ready after', 'schedule', 'lag mean', 'lag max', 'reads mean', 'reads max'],
      rows.map((row) => [
        `${row.deploySeconds} s`,
        row.schedule,
        `${row.meanLagS.toFixed(1)} s`,
        `${row.maxLagS.toFixed(1)} s`,
        row.meanReads.toFixed(1),
        String(row.maxReads),
      ]),
    ),
  ].join('\n');
}

function manyTable(rows: ManyRow[], scale: number): string {
  const single = rows.find((row) => row.targets === 1);
  return [
    `**Many targets** (default schedule, ready times spread over 60 s, provider answers in 0.2 s; 1 s = ${scale * 1000} ms real)`,
    '',
    table(
      ['targets', 'wall', '× 1 target', 'past last ready', 'peak RSS', 'TCP connections', 'max in flight', 'reads'],
      rows.map((row) => [
        String(row.targets),
        ms(row.wallMs),
        single ? times(row.wallMs / single.wallMs) : '',
        ms(row.pastLastReadyMs),
        row.peakRssMb === undefined ? 'n/a' : `${row.peakRssMb.toFixed(0)} MB`,
        String(row.connections),
        String(row.maxInFlight),
        String(row.reads),
      ]),
    ),
    '',
    `Goals: 200 targets ≤ ${MANY_WALL_GOAL}× one target's wall, peak RSS < ${RSS_GOAL_MB} MB, in flight ≤ 8.`,
  ].join('\n');
}

function timeoutTable(rows: TimeoutRow[]): string {
  return [
    '**Timeout accuracy** (never-ready target, `timeout: 10s`, real time; goal: the process ends within 10–11 s)',
    '',
    table(
      ['case', 'process wall', 'within 10–11 s', 'reads'],
      rows.map((row) => [
        row.case,
        `${(row.wallMs / 1000).toFixed(2)} s`,
        row.withinGoal ? 'yes' : 'no',
        String(row.reads),
      ]),
    ),
  ].join('\n');
}

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;
const times = (ratio: number): string => `${ratio.toFixed(1)}×`;
