/**
 * 5. A package of 60 artifacts (20 script collections, value mappings and message mappings, 40 flows) on a
 * tenant that answers in 200 ms, builds each deploy for 10 s and serves 4 requests at once (a fifth is
 * answered 429): wall time, requests, peak RSS and 429s of `package` with `max-parallel: 4`, against the
 * slowest dependency chain (one dependency, then one flow, alone on the tenant) and against deploying the 60
 * one by one (60 single-artifact runs; one is measured). Real time: nothing is scaled.
 */
import type { PackageArtifact } from '../../sim/sap-packages.ts';
import { startSapSimulator } from '../../sim/sap.ts';
import { timedAction } from './process.ts';

const LATENCY_MS = 200;
const BUILD_MS = 10_000;
const TENANT_LIMIT = 4;
const GOAL_RATIO = 1.3;

export interface PackageRow {
  artifacts: number;
  wallMs: number;
  requests: number;
  maxInFlight: number;
  rateLimited: number;
  peakRssMb?: number;
  /** one dependency, then one flow, each alone on the tenant */
  chainMs: number;
  /** 60 × one single-artifact run */
  oneByOneMs: number;
  ratio: number;
  goalRatio: number;
}

function packageOf(dependencies: number, flows: number): PackageArtifact[] {
  const types = ['script-collection', 'value-mapping', 'message-mapping'] as const;
  const artifacts: PackageArtifact[] = [];
  for (let i = 0; i < dependencies; i++) {
    // half script collections, a quarter each value and message mappings
    const type = types[i < dependencies / 2 ? 0 : i < (dependencies * 3) / 4 ? 1 : 2] ?? 'script-collection';
    artifacts.push({ id: `Dependency_${String(i).padStart(2, '0')}`, type });
  }
  for (let i = 0; i < flows; i++)
    artifacts.push({ id: `Flow_${String(i).padStart(2, '0')}`, type: 'integration-flow' });
  return artifacts;
}

async function deployPackage(bundle: string, artifacts: PackageArtifact[], inputs: Record<string, string> = {}) {
  const sim = await startSapSimulator({
    scenario: 'started',
    packages: {
      packages: { Bench: artifacts },
      latencyMs: LATENCY_MS,
      buildMs: BUILD_MS,
      maxConcurrent: TENANT_LIMIT,
      serviceEndpoints: Object.fromEntries(
        artifacts.filter((a) => a.type === 'integration-flow').map((a) => [a.id, [`https://rt.example/http/${a.id}`]]),
      ),
    },
  });
  try {
    const run = await timedAction(bundle, {
      provider: 'sap-cloud-integration',
      'service-key': sim.serviceKey,
      package: 'Bench',
      deploy: 'true',
      'max-parallel': String(TENANT_LIMIT),
      timeout: '5m',
      summary: 'false',
      ...inputs,
    });
    if (run.exitCode !== 0) throw new Error(`package bench: the action did not end ready (exit ${run.exitCode})`);
    const requests = sim.requests.filter((request) => request.path.startsWith('/api/v1')).length;
    return { run, requests, maxInFlight: sim.tenant.maxInFlight(), rateLimited: sim.tenant.rateLimited() };
  } finally {
    await sim.close();
  }
}

export async function benchPackage(bundle: string): Promise<PackageRow> {
  const artifacts = packageOf(20, 40);
  const whole = await deployPackage(bundle, artifacts);
  const chain = await deployPackage(bundle, [
    { id: 'Dependency_00', type: 'script-collection' },
    { id: 'Flow_00', type: 'integration-flow' },
  ]);
  const single = await deployPackage(bundle, [{ id: 'Flow_00', type: 'integration-flow' }]);
  return {
    artifacts: artifacts.length,
    wallMs: whole.run.wallMs,
    requests: whole.requests,
    maxInFlight: whole.maxInFlight,
    rateLimited: whole.rateLimited,
    peakRssMb: whole.run.peakRssMb,
    chainMs: chain.run.wallMs,
    oneByOneMs: single.run.wallMs * artifacts.length,
    ratio: whole.run.wallMs / chain.run.wallMs,
    goalRatio: GOAL_RATIO,
  };
}

export function packageTable(row: PackageRow): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const verdict = row.ratio <= row.goalRatio && row.rateLimited === 0 ? 'met' : 'missed';
  return [
    `**SAP package** (${row.artifacts} artifacts: 20 dependencies, 40 flows; tenant answers in ${LATENCY_MS} ms, builds ${BUILD_MS / 1000} s, serves ${TENANT_LIMIT} at once; \`max-parallel: ${TENANT_LIMIT}\`; real time)`,
    '',
    '| run | wall time | API requests | most in flight | 429s | peak RSS |',
    '| --- | --- | --- | --- | --- | --- |',
    `| \`package\`, dependencies then flows | ${s(row.wallMs)} | ${row.requests} | ${row.maxInFlight} | ${row.rateLimited} | ${row.peakRssMb?.toFixed(0) ?? '–'} MB |`,
    `| slowest dependency chain alone (1 dependency, then 1 flow) | ${s(row.chainMs)} | | | | |`,
    `| the ${row.artifacts} one by one (${row.artifacts} × one single-artifact run) | ${s(row.oneByOneMs)} | | | | |`,
    '',
    `Package ÷ chain: ${row.ratio.toFixed(2)}× (goal ≤ ${row.goalRatio}×, no 429: ${verdict}).`,
  ].join('\n');
}
