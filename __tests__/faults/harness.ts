/**
 * Runs one seeded fault scenario in-process: the real simulator behind the fault proxy, the real input
 * parsing, provider, HTTP client and engine on the system clock; only the client is wrapped to record
 * what each request ended with.
 */
import { mulberry32, PERMANENT_FAULTS, startFaultProxy, TRANSIENT_FAULTS, type FaultKind } from '../../sim/faults.ts';
import type { InputName } from '../../src/config/inputs.ts';
import { parseConfig } from '../../src/config/parse.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Verdict } from '../../src/core/types.ts';
import { waitForTargets } from '../../src/engine/wait.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { HttpError } from '../../src/http/errors.ts';
import type { HttpClient } from '../../src/http/types.ts';
import { PROVIDERS } from '../../src/providers/index.ts';
import type { FaultCase } from './cases.ts';
import { acceptedVerdicts, type Observation } from './oracle.ts';

export const FAULT_RATE = 0.3;
export const REQUEST_TIMEOUT_MS = 400;
const TIMEOUT_MS = 2_500;
const ENDLESS_TIMEOUT_MS = 1_200;

/** Which faults a scenario draws from, and how long 503/429 ask the gate to wait. */
export interface FaultProfile {
  name: string;
  faults: readonly FaultKind[];
  retryAfterSeconds: number;
}

export const PROFILES: readonly FaultProfile[] = [
  { name: 'transient', faults: TRANSIENT_FAULTS, retryAfterSeconds: 0 },
  { name: 'all', faults: [...TRANSIENT_FAULTS, ...PERMANENT_FAULTS], retryAfterSeconds: 0 },
  // Retry-After: 1 with a 2.5 s timeout: these faults can hide a deploy that did become ready.
  { name: 'slow-retry', faults: TRANSIENT_FAULTS, retryAfterSeconds: 1 },
];

export interface ScenarioOutcome {
  provider: string;
  name: string;
  seed: number;
  profile: string;
  verdict: Verdict;
  /** the verdict the answers imply; a second one where an answer that decides it came in the deadline's grace */
  accepted: Verdict[];
  durationMs: number;
  timeoutMs: number;
  /** timeout + request-timeout + 1 s */
  limitMs: number;
  faults: FaultKind[];
  /** the deploy would have ended by itself; a timed_out then means faults hid it */
  ends: boolean;
  /** permanent client errors that were not a body over the limit: the client invented a failure */
  unexplainedPermanent: string[];
}

export async function runScenario(testCase: FaultCase, seed: number, profile: FaultProfile): Promise<ScenarioOutcome> {
  const simulator = await testCase.start();
  const proxy = await startFaultProxy({
    upstream: simulator.url,
    seed,
    rate: FAULT_RATE,
    faults: profile.faults,
    slowMs: REQUEST_TIMEOUT_MS + 400,
    retryAfterSeconds: profile.retryAfterSeconds,
  });
  const timeoutMs = testCase.endless ? ENDLESS_TIMEOUT_MS : TIMEOUT_MS;
  const inputs: Record<string, string> = {
    interval: '30ms',
    'max-interval': '120ms',
    backoff: '1.5',
    'request-timeout': `${REQUEST_TIMEOUT_MS}ms`,
    timeout: `${timeoutMs}ms`,
    ...testCase.inputs(proxy.url),
  };
  const observations: Observation[] = [];
  let deadlineMs = Infinity;
  const http = recordingClient(createHttpClient(), observations, () => deadlineMs);
  try {
    const config = parseConfig((name: InputName) => inputs[name] ?? '');
    const provider = await PROVIDERS[config.provider](config);
    const prepared = provider.prepare(config);
    const started = Date.now();
    deadlineMs = started + timeoutMs;
    const result = await waitForTargets({
      targets: prepared.targets,
      session: prepared.open({ config, http, log: silentLogger, mask: () => {} }),
      deploy: config.deploy,
      settings: config.wait,
      clock: systemClock,
      random: mulberry32(seed ^ 0x5bd1e995),
      log: silentLogger,
      signal: new AbortController().signal,
    });
    return {
      provider: testCase.provider,
      name: testCase.name,
      seed,
      profile: profile.name,
      verdict: result.verdict,
      accepted: acceptedVerdicts(observations, proxy.events, testCase.truth),
      durationMs: Date.now() - started,
      timeoutMs,
      limitMs: timeoutMs + REQUEST_TIMEOUT_MS + 1_000,
      ends: !testCase.endless,
      faults: proxy.events.flatMap((event) => (event.fault ? [event.fault] : [])),
      unexplainedPermanent: observations.flatMap((seen) =>
        seen.kind === 'failure' && seen.permanent && !/exceeds/.test(seen.message) ? [seen.message] : [],
      ),
    };
  } finally {
    await http.close();
    await proxy.close();
    await simulator.close();
  }
}

const SAP_DEPLOY = /\/Deploy\w+DesigntimeArtifact\b/;

function recordingClient(client: HttpClient, observations: Observation[], deadlineMs: () => number): HttpClient {
  return {
    async request(request) {
      try {
        const response = await client.request(request);
        const late = Date.now() > deadlineMs();
        observations.push({ kind: 'answer', event: Number(response.headers['x-fault-event']), late });
        return response;
      } catch (error) {
        const permanent = error instanceof HttpError && !error.transient;
        const message = error instanceof Error ? error.message : String(error);
        observations.push({
          kind: 'failure',
          permanent,
          // On a loaded machine the client's own request timeout can end a deploy request no fault touched.
          deployUnanswered:
            request.method === 'POST' && SAP_DEPLOY.test(String(request.url)) && /timed out/.test(message),
          message,
        });
        throw error;
      }
    },
    close: () => client.close(),
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
