/** The benchmark's results as markdown, with the goals of the issue beside the figures. */
import type { LagRow } from './lag.ts';
import { PEERS } from './peers.ts';
import type { ManyRow } from './many.ts';
import type { StartupResult } from './startup.ts';
import type { TimeoutRow } from './timeout.ts';

/**
 * A markdown table of figures. Not the report's: Node's type stripping, which runs this script, cannot follow
 * `src/`'s `.js` import specifiers.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

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
  const peerNames = PEERS.map((peer) => peer.name);
  return [
    `**Detection lag and status reads** (simulated seconds; 1 s = ${scale * 1000} ms real; each case's deploys turn ready spread over ±10% of its time; the action with its default schedule and ±20% jitter, mean and worst over the deploys; other tools' schedules computed on the same deploys, as mean lag / mean reads)`,
    '',
    table(
      ['deploy ready after', 'lag mean', 'lag max', 'reads mean (max)', ...peerNames],
      rows.map((row) => [
        row.case.name,
        seconds(row.ours.meanLagS),
        seconds(row.ours.maxLagS),
        `${row.ours.meanReads.toFixed(1)} (${row.ours.maxReads})`,
        ...peerNames.map((name) => {
          const peer = row.peers[name];
          return peer ? `${seconds(peer.meanLagS)} / ${peer.meanReads.toFixed(1)}` : 'n/a';
        }),
      ]),
    ),
    '',
    ...lagGoals(rows).map(([goal, met]) => `- ${goal}: ${met ? 'met' : 'missed'}`),
  ].join('\n');
}

/** The goals of the schedule, each with the figures it was judged on. */
function lagGoals(rows: LagRow[]): Array<[string, boolean]> {
  const goals: Array<[string, boolean]> = [];
  const row = (name: string): LagRow | undefined => rows.find((candidate) => candidate.case.name === name);
  for (const [name, goalS] of [
    ['1.5 s', 1.5],
    ['5 s', 3],
  ] as const) {
    const found = row(name);
    if (found)
      goals.push([
        `${name} deploy: mean lag ${seconds(found.ours.meanLagS)} (goal ≤ ${goalS} s)`,
        found.ours.meanLagS <= goalS,
      ]);
  }
  for (const found of rows.filter((candidate) => candidate.case.instances)) {
    const { meanLagS, maxReads } = found.ours;
    goals.push([
      `${found.case.name}: mean lag ${seconds(meanLagS)}, at most ${maxReads} reads (goal ≤ 2.5 s with ≤ 10 reads)`,
      meanLagS <= 2.5 && maxReads <= 10,
    ]);
  }
  const hung = rows.find((candidate) => candidate.afterTimeoutS);
  if (hung?.afterTimeoutS)
    goals.push([
      `hung first read: next read ${seconds(hung.afterTimeoutS.mean)} after its timeout, at most ${seconds(hung.afterTimeoutS.max)} (goal ≤ interval + jitter, 6 s)`,
      hung.afterTimeoutS.max <= 6,
    ]);
  const fixed = PEERS[0]?.name ?? '';
  for (const found of rows.filter((candidate) => candidate.peers[fixed] && !candidate.case.instances)) {
    const theirs = found.peers[fixed]?.meanReads ?? 0;
    const allowed = found.case.readyAfterS >= 10 ? theirs : theirs + 1;
    goals.push([
      `${found.case.name} deploy: ${found.ours.meanReads.toFixed(1)} reads against ${theirs.toFixed(1)} for "${fixed}" (goal ≤ ${allowed.toFixed(1)})`,
      found.ours.meanReads <= allowed,
    ]);
  }
  return goals;
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
const seconds = (value: number): string => `${value.toFixed(1)} s`;
const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;
const times = (ratio: number): string => `${ratio.toFixed(1)}×`;
