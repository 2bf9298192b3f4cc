/** 1. Start-up: `node dist/index.js` on a ready target, against `node -e 0` and one `curl` of the same URL. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { status } from '../../sim/opensearch.ts';
import { startServer } from '../../sim/server.ts';
import { median, timed, timedAction } from './process.ts';

export interface StartupResult {
  runs: number;
  bareNodeMs: number;
  oneShot: { tool: 'curl' | 'node fetch'; medianMs: number };
  actionMs: number;
  actionPeakRssMb: number;
  ratioToBareNode: number;
  bundle: { entryBytes: number; totalBytes: number; chunks: number; undiciCopies: number };
}

const WORKFLOW = 'bench-ready';

export async function benchStartup(bundle: string, runs: number): Promise<StartupResult> {
  const server = await startServer(() => status(WORKFLOW, 'COMPLETED'));
  const url = `${server.url}/_plugins/_flow_framework/workflow/${WORKFLOW}/_status?all=true`;
  const inputs = { provider: 'opensearch-flow-framework', url: server.url, id: WORKFLOW };
  const curl = hasCurl();
  const oneShot = curl
    ? () => timed('curl', ['-s', '-o', '/dev/null', url])
    : () => timed(process.execPath, ['-e', `await fetch(${JSON.stringify(url)}).then((r) => r.text())`]);
  const bare: number[] = [];
  const single: number[] = [];
  const action: number[] = [];
  const rss: number[] = [];
  try {
    // Interleaved, so that a busy moment of the machine weighs on every command alike.
    for (let i = 0; i < runs + 1; i++) {
      const b = await timed(process.execPath, ['-e', '0']);
      const s = await oneShot();
      const a = await timedAction(bundle, inputs);
      if (a.exitCode !== 0) throw new Error(`the action failed on a ready target (exit ${a.exitCode})`);
      if (i === 0) continue; // warms the file cache for all three
      bare.push(b.wallMs);
      single.push(s.wallMs);
      action.push(a.wallMs);
      if (a.peakRssMb !== undefined) rss.push(a.peakRssMb);
    }
  } finally {
    await server.close();
  }
  const bareNodeMs = median(bare);
  const actionMs = median(action);
  return {
    runs,
    bareNodeMs,
    oneShot: { tool: curl ? 'curl' : 'node fetch', medianMs: median(single) },
    actionMs,
    actionPeakRssMb: median(rss),
    ratioToBareNode: actionMs / bareNodeMs,
    bundle: bundleFacts(bundle),
  };
}

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Sizes of the entry file and of all chunks, and how many copies of undici's Agent the bundle holds. */
function bundleFacts(bundle: string): StartupResult['bundle'] {
  const dir = dirname(bundle);
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  let undiciCopies = 0;
  for (const name of files) undiciCopies += readFileSync(join(dir, name), 'utf8').split(UNDICI_MARK).length - 1;
  return {
    entryBytes: statSync(bundle).size,
    totalBytes: files.reduce((total, name) => total + statSync(join(dir, name)).size, 0),
    chunks: files.length - 1,
    undiciCopies,
  };
}

/** A line every copy of undici's dispatcher code carries once. */
const UNDICI_MARK = 'class Agent extends DispatcherBase';
