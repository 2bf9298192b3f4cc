/**
 * An OpenSearch Flow Framework simulator whose workflows turn COMPLETED at a wall-clock time, not
 * after a number of reads: what the benchmark compares is how soon a schedule notices.
 */
import { notFound, status } from '../../sim/opensearch.ts';
import { startServer, type SimServer } from '../../sim/server.ts';

export interface TimedWorkflow {
  /** ms after the clock starts; Infinity never completes */
  readyAfterMs: number;
  /** start this workflow's clock at its own first read instead of the first read of any workflow */
  ownClock?: boolean;
}

export interface WorkflowTrace {
  reads: number;
  readyAtMs: number;
  /** server time of the first read that answered COMPLETED */
  seenReadyAtMs?: number;
}

export interface TimedSimulator {
  server: SimServer;
  traces: Map<string, WorkflowTrace>;
  /** a server time (ms since the server started) as `Date.now()` time */
  toEpochMs(serverMs: number): number;
}

export async function startTimedSimulator(
  workflows: Record<string, TimedWorkflow>,
  options: { latencyMs?: number } = {},
): Promise<TimedSimulator> {
  const traces = new Map<string, WorkflowTrace>();
  let firstReadAtMs: number | undefined;
  const serverStartedAt = Date.now();
  const server = await startServer((request) => {
    const id = /\/workflow\/([^/]+)\/_status$/.exec(request.path)?.[1] ?? '';
    const workflow = workflows[id];
    if (!workflow) return notFound(id);
    firstReadAtMs ??= request.at;
    let trace = traces.get(id);
    if (!trace) {
      const clockStart = workflow.ownClock ? request.at : firstReadAtMs;
      trace = { reads: 0, readyAtMs: clockStart + workflow.readyAfterMs };
      traces.set(id, trace);
    }
    trace.reads += 1;
    const ready = request.at >= trace.readyAtMs;
    if (ready) trace.seenReadyAtMs ??= request.at;
    return { ...status(id, ready ? 'COMPLETED' : 'PROVISIONING'), delayMs: options.latencyMs };
  });
  return {
    server,
    traces,
    toEpochMs: (serverMs) => serverStartedAt + serverMs,
  };
}
