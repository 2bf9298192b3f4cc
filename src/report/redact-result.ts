import type { Component, LogLine, RunResult, Snapshot, StateChange, TargetResult } from '../core/types.js';

/**
 * The result with `redact` applied to every provider string. Reports escape provider text
 * (`_` → `\_`, `"` → `\"`…), after which a secret no longer matches itself; redacting the raw
 * strings first keeps a secret the provider echoed back out of every report.
 */
export function redactResult(result: RunResult, redact: (text: string) => string): RunResult {
  const target = (t: TargetResult): TargetResult => ({
    ...t,
    id: redact(t.id),
    providerStatus: redact(t.providerStatus),
    message: redact(t.message),
    snapshot: t.snapshot && snapshot(t.snapshot),
    taskId: t.taskId && redact(t.taskId),
    timeline: t.timeline.map((change): StateChange => ({ ...change, providerStatus: redact(change.providerStatus) })),
  });
  const snapshot = (s: Snapshot): Snapshot => ({
    ...s,
    providerStatus: redact(s.providerStatus),
    message: redact(s.message),
    components: s.components?.map(component),
    logs: s.logs?.map(logLine),
    startedAt: s.startedAt && redact(s.startedAt),
    completedAt: s.completedAt && redact(s.completedAt),
  });
  const component = (c: Component): Component => ({
    ...c,
    name: redact(c.name),
    kind: redact(c.kind),
    providerStatus: c.providerStatus && redact(c.providerStatus),
    message: c.message && redact(c.message),
    details: c.details && Object.fromEntries(Object.entries(c.details).map(([name, value]) => [name, redact(value)])),
  });
  const logLine = (line: LogLine): LogLine => ({
    time: line.time && redact(line.time),
    level: line.level && redact(line.level),
    message: redact(line.message),
  });
  return {
    ...result,
    message: redact(result.message),
    decidingTarget: result.decidingTarget && redact(result.decidingTarget),
    targets: result.targets.map(target),
    ...(result.endpoints && {
      endpoints: Object.fromEntries(
        Object.entries(result.endpoints).map(([flow, urls]) => [redact(flow), urls.map(redact)]),
      ),
    }),
    ...(result.deployOrder && {
      deployOrder: result.deployOrder.map((stage) => ({ ...stage, targets: stage.targets.map(redact) })),
    }),
  };
}
