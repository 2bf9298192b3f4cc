/** Step outputs (SPEC "Outputs"), built from the final result; the edge sets them. */
import type { ProviderName } from '../config/config.js';
import { OUTPUT, type OutputName } from '../config/inputs.js';
import type { Component, LogLine, RunResult, TargetResult } from '../core/types.js';
import { cut, oneLine } from './format.js';
import { resourcesOutput, workflowIdOutput } from './opensearch-resources.js';
import { worstFirst } from './verdicts.js';

/** Workflow expressions read `result` with fromJSON; far below GitHub's per-output limit, yet enough for dozens of targets. */
export const MAX_RESULT_JSON_BYTES = 64 * 1024;

export function buildOutputs(result: RunResult, provider?: ProviderName): Record<OutputName, string> {
  const deciding = result.targets.find((target) => target.id === result.decidingTarget);
  const opensearch = provider === 'opensearch-flow-framework';
  return {
    [OUTPUT.status]: result.verdict,
    [OUTPUT.ready]: String(result.ready),
    [OUTPUT.providerStatus]: deciding?.providerStatus ?? '',
    [OUTPUT.message]: oneLine(result.message),
    [OUTPUT.progress]: progressOutput(result.targets),
    [OUTPUT.taskId]: result.targets.flatMap((target) => (target.taskId ? [target.taskId] : [])).join(','),
    [OUTPUT.attempts]: String(result.attempts),
    [OUTPUT.duration]: seconds(result.durationMs),
    [OUTPUT.result]: resultJson(result),
    [OUTPUT.skipped]: skippedOutput(result.targets),
    [OUTPUT.endpoints]: JSON.stringify(result.endpoints ?? {}),
    [OUTPUT.workflowId]: opensearch ? workflowIdOutput(result) : '',
    [OUTPUT.resources]: opensearch ? resourcesOutput(result) : '{}',
  };
}

/**
 * The lowest progress over the targets that report one: with several targets the deploy is
 * only as far along as its slowest part. Empty when no target reports progress.
 */
export function progressOutput(targets: readonly TargetResult[]): string {
  const values = targets.flatMap((target) => {
    const progress = target.snapshot?.progress;
    return progress === undefined || !Number.isFinite(progress) ? [] : [progress];
  });
  return values.length === 0 ? '' : String(Math.round(Math.min(...values)));
}

/** The targets that were not deployed again because they already ran that version. */
function skippedOutput(targets: readonly TargetResult[]): string {
  return targets.flatMap((target) => (target.skipped ? [target.id] : [])).join(',');
}

/** Seconds with one decimal (`42.3`): precise enough for a gate, easy to compare in an expression. */
export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(1);
}

interface Detail {
  maxComponents: number;
  maxLogs: number;
  maxText: number;
}

/** Tried in order until the JSON fits; the last level keeps only what a gate needs. */
const DETAIL_LEVELS: readonly Detail[] = [
  { maxComponents: 50, maxLogs: 20, maxText: 1000 },
  { maxComponents: 10, maxLogs: 5, maxText: 300 },
  { maxComponents: 0, maxLogs: 0, maxText: 200 },
];

export function resultJson(result: RunResult): string {
  for (const detail of DETAIL_LEVELS) {
    const json = JSON.stringify(resultDocument(result, result.targets, detail));
    if (Buffer.byteLength(json, 'utf8') <= MAX_RESULT_JSON_BYTES) return json;
  }
  // Still too big: that many targets. Keep the worst ones, say how many were left out.
  const leanest = DETAIL_LEVELS[DETAIL_LEVELS.length - 1] as Detail;
  let kept = worstFirst(result.targets);
  for (;;) {
    const json = JSON.stringify(resultDocument(result, kept, leanest));
    const size = Buffer.byteLength(json, 'utf8');
    if (size <= MAX_RESULT_JSON_BYTES || kept.length === 0) return json;
    kept = kept.slice(0, Math.min(kept.length - 1, Math.floor((kept.length * MAX_RESULT_JSON_BYTES) / size)));
  }
}

function resultDocument(result: RunResult, targets: readonly TargetResult[], detail: Detail): Record<string, unknown> {
  const omittedTargets = result.targets.length - targets.length;
  return {
    status: result.verdict,
    ready: result.ready,
    message: cut(result.message, detail.maxText),
    decidingTarget: result.decidingTarget ?? null,
    attempts: result.attempts,
    transientErrors: result.transientErrors,
    duration: Number(seconds(result.durationMs)),
    startedAt: result.startedAt.toISOString(),
    targets: targets.map((target) => targetDocument(target, detail)),
    ...(omittedTargets > 0 ? { omittedTargets } : {}),
  };
}

function targetDocument(target: TargetResult, detail: Detail): Record<string, unknown> {
  const snapshot = target.snapshot;
  const components = snapshot?.components ?? [];
  const logs = snapshot?.logs ?? [];
  const shownLogs = detail.maxLogs > 0 ? logs.slice(-detail.maxLogs) : [];
  const text = (value: string): string => cut(value, detail.maxText);
  return {
    id: target.id,
    status: target.verdict,
    providerStatus: target.providerStatus,
    message: text(target.message),
    progress: snapshot?.progress ?? null,
    taskId: target.taskId ?? null,
    ...(target.skipped ? { skipped: true } : {}),
    attempts: target.attempts,
    transientErrors: target.transientErrors,
    duration: Number(seconds(target.durationMs)),
    startedAt: snapshot?.startedAt ?? null,
    completedAt: snapshot?.completedAt ?? null,
    components: components.slice(0, detail.maxComponents).map((component) => componentDocument(component, text)),
    ...(components.length > detail.maxComponents
      ? { omittedComponents: components.length - detail.maxComponents }
      : {}),
    logs: shownLogs.map((line) => logDocument(line, text)),
    ...(logs.length > shownLogs.length ? { omittedLogs: logs.length - shownLogs.length } : {}),
  };
}

function componentDocument(component: Component, text: (value: string) => string): Record<string, unknown> {
  return {
    name: text(component.name),
    kind: component.kind,
    state: component.state,
    ...(component.providerStatus === undefined ? {} : { providerStatus: text(component.providerStatus) }),
    ...(component.desired === undefined ? {} : { desired: component.desired }),
    ...(component.actual === undefined ? {} : { actual: component.actual }),
    ...(component.message === undefined ? {} : { message: text(component.message) }),
    ...(component.details === undefined
      ? {}
      : { details: Object.fromEntries(Object.entries(component.details).map(([name, value]) => [name, text(value)])) }),
  };
}

function logDocument(line: LogLine, text: (value: string) => string): Record<string, unknown> {
  return {
    ...(line.time ? { time: line.time } : {}),
    ...(line.level ? { level: line.level } : {}),
    message: text(line.message),
  };
}
