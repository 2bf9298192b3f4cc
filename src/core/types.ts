/** The normalized states a provider's status read maps to (SPEC "Normalized status"). */
export const TARGET_STATES = [
  'pending',
  'in_progress',
  'succeeded',
  'degraded',
  'failed',
  'inactive',
  'not_found',
  'unknown',
] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** A run's (or one target's) final verdict: a state, or why no state could be reached. */
export type Verdict = TargetState | 'timed_out' | 'cancelled' | 'error';

/** Worst first: the verdict over several targets is the first of these that any target has. */
export const VERDICT_SEVERITY: readonly Verdict[] = [
  'error',
  'failed',
  'not_found',
  'inactive',
  'timed_out',
  'cancelled',
  'unknown',
  'pending',
  'in_progress',
  'degraded',
  'succeeded',
];

export interface Component {
  name: string;
  /** e.g. `service`, `stream`, `registration`, `resource`, `artifact` */
  kind: string;
  state: TargetState;
  desired?: number;
  actual?: number;
  /** the provider's own word for this component, when it has one */
  providerStatus?: string;
  message?: string;
  /** extra facts worth showing (endpoint, version, deployed by…), in display order */
  details?: Record<string, string>;
}

export interface LogLine {
  time?: string;
  level?: string;
  message: string;
}

/** One status read of one target, in provider-neutral terms. */
export interface Snapshot {
  state: TargetState;
  /** the provider's own word(s), e.g. `STARTED`, `PUBLISHED/GREEN/SYNC`, `running` */
  providerStatus: string;
  /** one line for a person */
  message: string;
  /** 0–100 */
  progress?: number;
  components?: Component[];
  logs?: LogLine[];
  startedAt?: string;
  completedAt?: string;
  /**
   * The provider says this state will not change any more (e.g. an installer session that
   * completed with a failed registration → `degraded`, final). Terminal states
   * (succeeded, failed, inactive) are final without it.
   */
  final?: boolean;
  /**
   * The state is decided, but the provider has more to tell about it (SAP's error details come a
   * few reads after the failure): read again while time allows; at the deadline the state stands.
   */
  detailsPending?: boolean;
}

/** One change of state seen while waiting, for the summary's timeline. */
export interface StateChange {
  /** milliseconds since the run started */
  atMs: number;
  state: TargetState | Verdict;
  providerStatus: string;
}

export interface TargetResult {
  id: string;
  verdict: Verdict;
  providerStatus: string;
  message: string;
  /** the last snapshot read, if any read succeeded */
  snapshot?: Snapshot;
  /** SAP deploy task id, when a deploy was triggered */
  taskId?: string;
  /** no deploy was sent: it already ran what would have been deployed (SAP `skip-unchanged`) */
  skipped?: boolean;
  /** status reads made for this target (successful or not) */
  attempts: number;
  /** transient errors (network, 429, 5xx) that were retried */
  transientErrors: number;
  durationMs: number;
  timeline: StateChange[];
  /** when the target ended still under way: the time it was expected to need still, from its progress */
  estimatedRemainingMs?: number;
}

/** What a run found out beyond the verdicts. */
export interface RunFindings {
  /** SAP: integration flow id → its endpoint URLs, for the flows that succeeded */
  endpoints?: Record<string, string[]>;
}

/** One group of a staged deploy: triggered only once every target of the group before it has ended. */
export interface DeployStage {
  /** what the group holds, for people: `script collections, value mappings, message mappings` */
  name: string;
  targets: string[];
}

export interface RunResult extends RunFindings {
  verdict: Verdict;
  ready: boolean;
  /** id of the target whose verdict decided the run's verdict */
  decidingTarget?: string;
  message: string;
  targets: TargetResult[];
  attempts: number;
  transientErrors: number;
  startedAt: Date;
  durationMs: number;
  /** the order of a staged deploy (SAP packages), when there was more than one stage */
  deployOrder?: DeployStage[];
}
