import type { Clock } from '../../src/core/clock.ts';
import type { Snapshot, TargetState } from '../../src/core/types.ts';
import type { CallOptions, ProviderSession, TriggerResult } from '../../src/providers/types.ts';

/** A call that never settles and ignores its signal: a provider that hangs, with a client that does not help. */
export const HANG = 'hang';

/** An answer that takes time on the session's clock; with `ignoresSignal` an abort does not cut it short. */
export interface Delayed<T> {
  takesMs: number;
  then: T | Error;
  ignoresSignal?: boolean;
}

/** One scripted answer: a value, a thrown error, a delayed one of those, or a hang. */
export type Step<T> = T | Error | Delayed<T> | typeof HANG;

export interface Script {
  /** per target, the answers of its successive reads; the last one repeats */
  reads: Record<string, Step<Snapshot>[]>;
  /** per target, the answers of its successive triggers; the last one repeats */
  triggers?: Record<string, Step<TriggerResult>[]>;
  /** the time delays run on and calls are stamped with */
  clock: Clock;
  /** the session says a repeated trigger is harmless (as OpenSearch's) */
  triggerIsRepeatable?: boolean;
}

export interface RecordedCall {
  kind: 'read' | 'trigger';
  id: string;
  /** `clock.now()` when the call started */
  atMs: number;
  timeoutMs: number;
  signal: AbortSignal;
}

/** A ProviderSession that plays a script and records every call, and how many were in flight at once. */
export class ScriptedSession implements ProviderSession {
  readonly calls: RecordedCall[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly played = new Map<string, number>();

  constructor(private readonly script: Script) {}

  canRepeatTrigger(): boolean {
    return this.script.triggerIsRepeatable === true;
  }

  read(id: string, options: CallOptions): Promise<Snapshot> {
    return this.play('read', id, options, this.script.reads[id]);
  }

  trigger(id: string, options: CallOptions): Promise<TriggerResult> {
    return this.play('trigger', id, options, this.script.triggers?.[id]);
  }

  callsOf(kind: RecordedCall['kind'], id?: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === kind && (id === undefined || call.id === id));
  }

  private async play<T>(
    kind: RecordedCall['kind'],
    id: string,
    options: CallOptions,
    steps: Step<T>[] | undefined,
  ): Promise<T> {
    if (!steps || steps.length === 0) throw new Error(`the script has no ${kind} answers for '${id}'`);
    const key = `${kind}:${id}`;
    const index = this.played.get(key) ?? 0;
    this.played.set(key, index + 1);
    const step = steps[Math.min(index, steps.length - 1)] as Step<T>;
    this.calls.push({ kind, id, atMs: this.script.clock.now(), timeoutMs: options.timeoutMs, signal: options.signal });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.answer(step, options.signal);
    } finally {
      this.inFlight--;
    }
  }

  private async answer<T>(step: Step<T>, signal: AbortSignal): Promise<T> {
    if (step === HANG) return new Promise<T>(() => {});
    if (isDelayed(step)) {
      await this.script.clock.sleep(step.takesMs, step.ignoresSignal ? undefined : signal);
      return this.answer(step.then, signal);
    }
    if (step instanceof Error) throw step;
    return step;
  }
}

function isDelayed<T>(step: Step<T>): step is Delayed<T> {
  return typeof step === 'object' && step !== null && 'takesMs' in step;
}

/** A snapshot with a default message, for scripts. */
export function snapshot(state: TargetState, providerStatus: string, extra: Partial<Snapshot> = {}): Snapshot {
  return { state, providerStatus, message: `${providerStatus.toLowerCase()} message`, ...extra };
}
