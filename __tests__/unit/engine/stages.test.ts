import { describe, expect, it } from 'vitest';
import type { RunFindings, Snapshot, TargetResult } from '../../../src/core/types.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import { HttpError } from '../../../src/http/errors.ts';
import type { FindOptions, FoundTargets, TriggerResult } from '../../../src/providers/types.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { ScriptedSession, snapshot, type Step } from '../../support/scripted-session.ts';
import { DEFAULT_SETTINGS, RecordingLogger } from './scenario.ts';

const building = snapshot('in_progress', 'DEPLOYING');
const started = snapshot('succeeded', 'STARTED');
const failed = snapshot('failed', 'ERROR');
const accepted: TriggerResult = { message: 'deploy requested', taskId: 'task' };
const unavailable = new HttpError('HTTP 503 Service Unavailable', { kind: 'transient', status: 503 });
const refused = new HttpError('HTTP 400 Bad Request: no such version', { kind: 'permanent', status: 400 });
const tooManyRequests = (retryAfterMs: number): HttpError =>
  new HttpError('HTTP 429 Too Many Requests', { kind: 'transient', status: 429, retryAfterMs });

/** A find's answer: the targets, a failure, or a request that hangs until its timeout. */
type Find = FoundTargets | Error | { hangsMs: number };

/** A scripted session that also finds its targets (answers played in order) and reports findings. */
class FindingSession extends ScriptedSession {
  findCalls = 0;
  findingsFor: readonly TargetResult[] | undefined;

  constructor(
    script: ConstructorParameters<typeof ScriptedSession>[0],
    private readonly finds: Find[],
    private readonly clock: FakeClock,
    private readonly findings?: RunFindings | Error,
  ) {
    super(script);
  }

  findTargets(options: FindOptions): Promise<FoundTargets> {
    const answer = this.finds[Math.min(this.findCalls++, this.finds.length - 1)] as Find;
    // the way a provider lists several collections at once: each request in a slot of its own
    return options.call(async (call) => {
      if ('hangsMs' in answer) {
        await this.clock.sleep(answer.hangsMs, call.signal);
        throw new Error('unreachable: the request timeout ends a hung find');
      }
      if (answer instanceof Error) throw answer;
      return answer;
    });
  }

  async afterTargets(results: readonly TargetResult[]): Promise<RunFindings> {
    this.findingsFor = results;
    if (this.findings instanceof Error) throw this.findings;
    return this.findings ?? {};
  }
}

interface Staged {
  reads: Record<string, Step<Snapshot>[]>;
  triggers?: Record<string, Step<TriggerResult>[]>;
  finds: Find[];
  findings?: RunFindings | Error;
  deploy?: boolean;
  maxInFlight?: number;
}

async function runStaged(staged: Staged) {
  const clock = new FakeClock();
  const triggers =
    staged.triggers ??
    Object.fromEntries(Object.keys(staged.reads).map((id) => [id, [accepted] as Step<TriggerResult>[]]));
  const session = new FindingSession({ reads: staged.reads, triggers, clock }, staged.finds, clock, staged.findings);
  const log = new RecordingLogger();
  const result = await waitForTargets({
    targets: [],
    session,
    deploy: staged.deploy ?? true,
    settings: { ...DEFAULT_SETTINGS, timeoutMs: 120_000 },
    clock,
    random: () => 0.5,
    log,
    signal: new AbortController().signal,
    maxInFlight: staged.maxInFlight,
  });
  const at = (kind: 'read' | 'trigger', id: string): number[] =>
    session.callsOf(kind, id).map((call) => call.atMs - clock.startMs);
  return { result, session, log, at };
}

const PACKAGE: FoundTargets = {
  targets: ['Scripts', 'Codes', 'Orders', 'Invoices'],
  stages: [
    { name: 'script collections, value mappings, message mappings', targets: ['Scripts', 'Codes'] },
    { name: 'integration flows', targets: ['Orders', 'Invoices'] },
  ],
};

describe('targets found at run time, deployed stage by stage', () => {
  it('triggers the flows only once every dependency has ended, then all flows at once', async () => {
    const { result, at } = await runStaged({
      reads: {
        Scripts: [building, started],
        Codes: [building, building, building, started],
        Orders: [building, started],
        Invoices: [started],
      },
      finds: [PACKAGE],
    });
    expect(result).toMatchObject({ verdict: 'succeeded', ready: true });
    expect(result.targets.map((target) => target.id)).toEqual(['Scripts', 'Codes', 'Orders', 'Invoices']);
    expect(at('trigger', 'Scripts')).toEqual([0]);
    expect(at('trigger', 'Codes')).toEqual([0]);
    const lastDependencyRead = Math.max(...at('read', 'Codes'), ...at('read', 'Scripts'));
    expect(lastDependencyRead).toBeGreaterThan(0);
    expect(at('trigger', 'Orders')).toEqual([lastDependencyRead]);
    expect(at('trigger', 'Invoices')).toEqual([lastDependencyRead]);
    expect(result.deployOrder).toEqual(PACKAGE.stages);
  });

  it('goes on to the flows after a failed and a refused dependency; the verdict is the worst', async () => {
    const { result, at } = await runStaged({
      reads: { Scripts: [failed], Codes: [started], Orders: [started], Invoices: [started] },
      triggers: { Scripts: [accepted], Codes: [refused], Orders: [accepted], Invoices: [accepted] },
      finds: [PACKAGE],
    });
    expect(result.targets.map((target) => [target.id, target.verdict])).toEqual([
      ['Scripts', 'failed'],
      ['Codes', 'error'],
      ['Orders', 'succeeded'],
      ['Invoices', 'succeeded'],
    ]);
    expect(result).toMatchObject({ verdict: 'error', decidingTarget: 'Codes', ready: false });
    expect(at('trigger', 'Orders')).toHaveLength(1);
  });

  it('still ends the run at an error among the flows, as without stages', async () => {
    const { result } = await runStaged({
      reads: { Scripts: [started], Codes: [started], Orders: [building], Invoices: [started] },
      triggers: {
        Scripts: [accepted],
        Codes: [accepted],
        Orders: [refused],
        Invoices: [{ takesMs: 60_000, then: accepted }],
      },
      finds: [PACKAGE],
    });
    expect(result.verdict).toBe('error');
    expect(result.targets.find((target) => target.id === 'Invoices')?.verdict).toBe('cancelled');
  });

  it('ignores the stages without deploy: every target is read at once', async () => {
    const { at } = await runStaged({
      reads: { Scripts: [building, started], Codes: [started], Orders: [started], Invoices: [started] },
      finds: [PACKAGE],
      deploy: false,
    });
    for (const id of PACKAGE.targets) expect(at('read', id)[0]).toBe(0);
  });

  it('keeps the form that returns only targets: one stage, no deploy order', async () => {
    const { result, at } = await runStaged({
      reads: { a: [building, started], b: [started] },
      finds: [{ targets: ['a', 'b'] }],
    });
    expect(at('trigger', 'a')).toEqual([0]);
    expect(at('trigger', 'b')).toEqual([0]);
    expect(result).toMatchObject({ verdict: 'succeeded' });
    expect(result.deployOrder).toBeUndefined();
  });

  it('reports the targets decided while finding them, without following them', async () => {
    const { result, session } = await runStaged({
      reads: { Orders: [started] },
      finds: [
        {
          targets: ['Orders'],
          decided: [
            {
              id: 'Missing_Package',
              verdict: 'not_found',
              message: "integration package 'Missing_Package' does not exist",
            },
          ],
        },
      ],
    });
    expect(result.targets.map((target) => [target.id, target.verdict])).toEqual([
      ['Missing_Package', 'not_found'],
      ['Orders', 'succeeded'],
    ]);
    expect(result).toMatchObject({ verdict: 'not_found', decidingTarget: 'Missing_Package' });
    expect(session.callsOf('read', 'Missing_Package')).toHaveLength(0);
  });

  it('retries finding the targets after a transient error', async () => {
    const { result, session, log } = await runStaged({
      reads: { a: [started] },
      finds: [unavailable, { targets: ['a'] }],
    });
    expect(session.findCalls).toBe(2);
    expect(result.verdict).toBe('succeeded');
    // the read schedule's quick look, 0.4 × interval
    expect(log.at('warning')).toEqual(['finding the targets: HTTP 503 Service Unavailable — retrying in 2s']);
  });

  it('does not grow the delay after a find that hung until the request timeout', async () => {
    const { session, log } = await runStaged({
      reads: { a: [started] },
      finds: [{ hangsMs: 3_600_000 }, { targets: ['a'] }],
    });
    expect(session.findCalls).toBe(2);
    // the quick look after a 30 s request timeout, not the backoff of 30 s waited (15 s)
    expect(log.at('warning')).toEqual([
      expect.stringMatching(/^finding the targets: request timed out after 30s — retrying in 2s$/),
    ]);
  });

  it('takes what the run found out once the verdicts are in, and shrugs off a failure to read it', async () => {
    const endpoints = { Orders: ['https://tenant.example/http/orders'] };
    const { result, session } = await runStaged({
      reads: { Orders: [started] },
      finds: [{ targets: ['Orders'] }],
      findings: { endpoints },
    });
    expect(result.endpoints).toEqual(endpoints);
    expect(session.findingsFor?.map((target) => target.verdict)).toEqual(['succeeded']);

    const failing = await runStaged({
      reads: { Orders: [started] },
      finds: [{ targets: ['Orders'] }],
      findings: refused,
    });
    expect(failing.result).toMatchObject({ verdict: 'succeeded', ready: true });
    expect(failing.result.endpoints).toBeUndefined();
    expect(failing.log.at('warning')[0]).toContain('HTTP 400 Bad Request');
  });
});

describe('a 429 with Retry-After', () => {
  it('holds the requests of every target, not only the one that got it', async () => {
    const { at } = await runStaged({
      reads: { a: [tooManyRequests(12_000), started], b: [building, building, started] },
      finds: [{ targets: ['a', 'b'] }],
      deploy: false,
    });
    expect(at('read', 'a')).toEqual([0, 12_000]);
    // b would read at 2 s (the quick look); the tenant asked everybody to wait 12 s
    expect(at('read', 'b').slice(0, 2)).toEqual([0, 12_000]);
  });

  it('does not hold the others for a 503', async () => {
    const { at } = await runStaged({
      reads: {
        a: [new HttpError('HTTP 503', { kind: 'transient', status: 503, retryAfterMs: 12_000 }), started],
        b: [building, started],
      },
      finds: [{ targets: ['a', 'b'] }],
      deploy: false,
    });
    // the quick look, 0.4 × interval after the first read
    expect(at('read', 'b')).toEqual([0, 2000]);
  });
});
