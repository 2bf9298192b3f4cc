/**
 * 4. Timeout accuracy: a target that never turns ready, `timeout: 10s`, under schedules and request
 * timeouts that do not divide it, against a provider that answers at once and one that never answers.
 * Real time (not scaled): the goal is about seconds. The cases run side by side.
 */
import { status } from '../../sim/opensearch.ts';
import { startServer, type Reply, type SimServer } from '../../sim/server.ts';
import { timedAction } from './process.ts';

const TIMEOUT_MS = 10_000;

interface Case {
  name: string;
  provider: 'answers' | 'hangs';
  inputs: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'defaults (5s ×1.5, cap 30s, request 30s)', provider: 'answers', inputs: {} },
  { name: 'interval 9s (next read would pass the deadline)', provider: 'answers', inputs: { interval: '9s' } },
  { name: 'interval 1m, max-interval 5m', provider: 'answers', inputs: { interval: '1m', 'max-interval': '5m' } },
  { name: 'provider hangs, request-timeout 30s', provider: 'hangs', inputs: {} },
  { name: 'provider hangs, request-timeout 4s', provider: 'hangs', inputs: { 'request-timeout': '4s' } },
];

export interface TimeoutRow {
  case: string;
  wallMs: number;
  withinGoal: boolean;
  reads: number;
}

const WORKFLOW = 'never-ready';

export async function benchTimeout(bundle: string): Promise<TimeoutRow[]> {
  return Promise.all(CASES.map((test) => runCase(bundle, test)));
}

async function runCase(bundle: string, test: Case): Promise<TimeoutRow> {
  const provisioning = status(WORKFLOW, 'PROVISIONING');
  // A hanging answer is a promise that never settles: no timer keeps the benchmark alive after the case.
  const server: SimServer = await startServer(() =>
    test.provider === 'hangs' ? new Promise<Reply>(() => {}) : provisioning,
  );
  try {
    const run = await timedAction(bundle, {
      provider: 'opensearch-flow-framework',
      url: server.url,
      id: WORKFLOW,
      timeout: `${TIMEOUT_MS / 1000}s`,
      summary: 'false',
      ...test.inputs,
    });
    return {
      case: test.name,
      wallMs: run.wallMs,
      withinGoal: run.wallMs >= TIMEOUT_MS && run.wallMs <= TIMEOUT_MS + 1000,
      reads: server.requests.length,
    };
  } finally {
    await server.close();
  }
}
