/**
 * The fault suite: for each provider, seeded scenarios with 30% of the answers replaced by faults (5xx with
 * and without Retry-After, 429, resets, answers slower than request-timeout, stale answers, truncated and
 * malformed JSON/XML, HTML with 200, empty bodies, 50 MiB bodies). Each must end in the verdict its truth
 * implies, within timeout + request-timeout + 1 s, without an unhandled rejection.
 * Reproduce another set: FAULT_SEED=<n> npm run test:faults
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLER_CASES, NL_FLOW_CASES, OPENSEARCH_CASES, SAP_CASES, type FaultCase } from './cases.ts';
import { FAULT_RATE, inPool, PROFILES, runScenario, type ScenarioOutcome } from './harness.ts';
import { formatTable } from './table.ts';

const SCENARIOS_PER_PROVIDER = 100;
const CONCURRENCY = 24;
const BASE_SEED = Number(process.env.FAULT_SEED ?? 20_250_601);

const PROVIDER_CASES: Record<string, FaultCase[]> = {
  'opensearch-flow-framework': OPENSEARCH_CASES,
  'sap-cloud-integration': SAP_CASES,
  'nl-flow': NL_FLOW_CASES,
  installer: INSTALLER_CASES,
};

const plan = Object.values(PROVIDER_CASES).flatMap((cases, providerIndex) =>
  Array.from({ length: SCENARIOS_PER_PROVIDER }, (_, index) => ({
    testCase: cases[index % cases.length] as FaultCase,
    profile: PROFILES[Math.floor(index / cases.length) % PROFILES.length] ?? PROFILES[0]!,
    seed: BASE_SEED + providerIndex * 10_000 + index,
  })),
);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
let outcomes: ScenarioOutcome[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  outcomes = await inPool(plan, CONCURRENCY, ({ testCase, profile, seed }) => runScenario(testCase, seed, profile));
}, 240_000);

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  if (outcomes.length > 0) console.log(formatTable(outcomes, { seed: BASE_SEED, rate: FAULT_RATE }));
});

/** A wrong ready verdict is the worst outcome, so it is marked where the mismatches are listed. */
const isFalseGreen = (outcome: ScenarioOutcome): boolean =>
  ['succeeded', 'degraded'].includes(outcome.verdict) && !outcome.accepted.includes(outcome.verdict);

const describeOutcome = (outcome: ScenarioOutcome): string =>
  `${isFalseGreen(outcome) ? 'FALSE GREEN: ' : ''}${outcome.name} [seed ${outcome.seed}, ${outcome.profile}]: got ${outcome.verdict}, expected ${outcome.accepted.join(' or ')}; faults: ${outcome.faults.join(' ') || 'none'}`;

describe.each(Object.keys(PROVIDER_CASES))('%s under faults', (provider) => {
  const mine = (): ScenarioOutcome[] => outcomes.filter((outcome) => outcome.provider === provider);

  it(`runs ${SCENARIOS_PER_PROVIDER} scenarios with faults injected`, () => {
    expect(mine()).toHaveLength(SCENARIOS_PER_PROVIDER);
    const faulted = mine().reduce((total, outcome) => total + outcome.faults.length, 0);
    expect(faulted).toBeGreaterThan(SCENARIOS_PER_PROVIDER);
  });

  it('ends every scenario in the verdict its truth implies, so never ready when the truth is not', () => {
    expect(
      mine()
        .filter((outcome) => !outcome.accepted.includes(outcome.verdict))
        .map(describeOutcome),
    ).toEqual([]);
  });

  it('ends every scenario within timeout + request-timeout + 1 s', () => {
    const late = mine().filter((outcome) => outcome.durationMs > outcome.limitMs);
    expect(late.map((outcome) => `${describeOutcome(outcome)} took ${outcome.durationMs} ms`)).toEqual([]);
  });

  it('gets no permanent error from the client that no fault explains', () => {
    expect(mine().flatMap((outcome) => outcome.unexplainedPermanent)).toEqual([]);
  });
});

it('has no unhandled rejection in any scenario', () => {
  expect(unhandled).toEqual([]);
});
