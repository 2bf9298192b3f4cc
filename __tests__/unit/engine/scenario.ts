import type { WaitSettings } from '../../../src/config/config.ts';
import type { InputName } from '../../../src/config/inputs.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import type { Logger } from '../../../src/core/logger.ts';
import type { RunResult, Snapshot } from '../../../src/core/types.ts';
import { waitForTargets } from '../../../src/engine/wait.ts';
import type { TriggerResult } from '../../../src/providers/types.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { ScriptedSession, type Step } from '../../support/scripted-session.ts';

/** The wait settings the action uses when only the required inputs are given. */
const REQUIRED_INPUTS: Partial<Record<InputName, string>> = { provider: 'installer', url: 'https://installer.example' };
export const DEFAULT_SETTINGS: WaitSettings = parseConfig((name) => REQUIRED_INPUTS[name] ?? '').wait;

export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: 'debug' | 'info' | 'warning'; message: string }> = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  at(level: 'debug' | 'info' | 'warning'): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.message);
  }
}

export interface Scenario {
  reads: Record<string, Step<Snapshot>[]>;
  triggers?: Record<string, Step<TriggerResult>[]>;
  settings?: Partial<WaitSettings>;
  deploy?: boolean;
  triggerIsRepeatable?: boolean;
  /** 0.5 = no jitter, so the schedule is exact */
  random?: () => number;
  signal?: AbortSignal;
  maxInFlight?: number;
  clock?: FakeClock;
}

export interface ScenarioRun {
  result: RunResult;
  clock: FakeClock;
  session: ScriptedSession;
  log: RecordingLogger;
  settings: WaitSettings;
}

/** Runs the engine on virtual time over a scripted session; targets are the script's read keys, in order. */
export async function runScenario(scenario: Scenario): Promise<ScenarioRun> {
  const clock = scenario.clock ?? new FakeClock();
  const session = new ScriptedSession({
    reads: scenario.reads,
    triggers: scenario.triggers,
    clock,
    triggerIsRepeatable: scenario.triggerIsRepeatable,
  });
  const log = new RecordingLogger();
  const settings = { ...DEFAULT_SETTINGS, ...scenario.settings };
  const result = await waitForTargets({
    targets: Object.keys(scenario.reads),
    session,
    deploy: scenario.deploy ?? false,
    settings,
    clock,
    random: scenario.random ?? (() => 0.5),
    log,
    signal: scenario.signal ?? new AbortController().signal,
    maxInFlight: scenario.maxInFlight,
  });
  return { result, clock, session, log, settings };
}

/** When each read of `id` started, in ms since the run started. */
export function readTimes({ session, clock }: ScenarioRun, id = 'a'): number[] {
  return session.callsOf('read', id).map((call) => call.atMs - clock.startMs);
}
