/**
 * A simulator whose targets turn ready at a wall-clock time, not after a number of reads: what the benchmark
 * compares is how soon a schedule notices. OpenSearch Flow Framework workflows answer PROVISIONING, then
 * COMPLETED; NL Flow workflows (for deploys that report progress) roll out their instances evenly, so
 * Σactual/Σdesired rises in steps of 100/instances percent, then turn GREEN.
 */
import { notFound, status } from '../../sim/opensearch.ts';
import { json, startServer, type Reply, type SimServer } from '../../sim/server.ts';

export interface TimedWorkflow {
  /** ms after the clock starts; Infinity never completes */
  readyAfterMs: number;
  /** start this workflow's clock at its own first read instead of the first read of any workflow */
  ownClock?: boolean;
  /** the first read never gets an answer (the client's request timeout ends it) */
  hangsFirstRead?: boolean;
}

export interface WorkflowTrace {
  reads: number;
  readyAtMs: number;
  /** server times of every read, first to last */
  readAtMs: number[];
  /** server time of the first read that answered COMPLETED */
  seenReadyAtMs?: number;
}

export interface TimedSimulator {
  server: SimServer;
  traces: Map<string, WorkflowTrace>;
  /** a server time (ms since the server started) as `Date.now()` time */
  toEpochMs(serverMs: number): number;
}

const OPENSEARCH_STATUS = /\/workflow\/([^/]+)\/_status$/;
const NL_FLOW_STATUS = /^\/api\/v1\/runtime\/workflow\/([^/]+)\/action\/status$/;

export async function startTimedSimulator(
  workflows: Record<string, TimedWorkflow>,
  options: { latencyMs?: number; nlFlowInstances?: number } = {},
): Promise<TimedSimulator> {
  const traces = new Map<string, WorkflowTrace>();
  let firstReadAtMs: number | undefined;
  const serverStartedAt = Date.now();
  const server = await startServer((request) => {
    const nlFlowId = NL_FLOW_STATUS.exec(request.path)?.[1];
    const id = nlFlowId ?? OPENSEARCH_STATUS.exec(request.path)?.[1] ?? '';
    const workflow = workflows[id];
    if (!workflow) return notFound(id);
    firstReadAtMs ??= request.at;
    let trace = traces.get(id);
    if (!trace) {
      const clockStart = workflow.ownClock ? request.at : firstReadAtMs;
      trace = { reads: 0, readyAtMs: clockStart + workflow.readyAfterMs, readAtMs: [] };
      traces.set(id, trace);
    }
    trace.reads += 1;
    trace.readAtMs.push(request.at);
    if (workflow.hangsFirstRead && trace.reads === 1) return new Promise<Reply>(() => {});
    const ready = request.at >= trace.readyAtMs;
    if (ready) trace.seenReadyAtMs ??= request.at;
    const startedAtMs = trace.readyAtMs - workflow.readyAfterMs;
    const done = (request.at - startedAtMs) / workflow.readyAfterMs;
    const reply =
      nlFlowId === undefined
        ? status(id, ready ? 'COMPLETED' : 'PROVISIONING')
        : rollingOut(options.nlFlowInstances ?? 100, ready ? 1 : done);
    return { ...reply, delayMs: options.latencyMs };
  });
  return {
    server,
    traces,
    toEpochMs: (serverMs) => serverStartedAt + serverMs,
  };
}

/**
 * An NL Flow workflow with one service `done` (0–1) of the way through rolling out `instances` instances:
 * RED with none running, YELLOW (usable, not yet fully up) with some, GREEN with all.
 */
function rollingOut(instances: number, done: number): Reply {
  const actual = Math.min(instances, Math.floor(done * instances));
  const complete = actual === instances;
  const colour = complete ? 'GREEN' : actual > 0 ? 'YELLOW' : 'RED';
  return json(200, {
    desiredStatus: 'PUBLISHED',
    actualStatus: colour,
    publishingMode: 'ASYNC',
    details: {
      services: [
        {
          id: 'knowledge-m-f252bb2b',
          desired: instances,
          actual,
          status: colour,
          rolloutStatus: complete ? 'Complete' : 'InProgress',
        },
      ],
    },
  });
}
