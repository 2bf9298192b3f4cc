/**
 * `npm run demo`: runs the bundled action end to end against a local simulator, as the
 * runner would, and prints its log, its outputs and the job summary it wrote.
 * `npm run demo -- --provider nl-flow` picks another simulator.
 */
import { parseArgs } from 'node:util';
import { runAction } from '../sim/run-action.ts';
import type { SimServer } from '../sim/server.ts';

interface Demo {
  start(): Promise<SimServer>;
  inputs(url: string): Record<string, string>;
}

const DEMOS: Record<string, Demo> = {
  'opensearch-flow-framework': {
    start: async () =>
      (await import('../sim/opensearch.ts')).startOpenSearchSimulator({
        scenario: 'provision-completed',
        provisionAnswer: 202,
      }),
    inputs: (url) => ({ provider: 'opensearch-flow-framework', url, id: '8xL8bowB8y25Tqfenm50', deploy: 'true' }),
  },
};

const { values } = parseArgs({ options: { provider: { type: 'string', default: 'opensearch-flow-framework' } } });
const demo = DEMOS[values.provider ?? ''];
if (!demo) {
  console.error(`no demo for '${values.provider}'; one of: ${Object.keys(DEMOS).join(', ')}`);
  process.exit(2);
}

const simulator = await demo.start();
try {
  const run = await runAction({
    inputs: { interval: '500ms', 'max-interval': '2s', timeout: '1m', ...demo.inputs(simulator.url) },
  });
  const rule = (title: string): string => `\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n`;
  console.log(rule(`job log (exit code ${run.exitCode}, ${run.durationMs} ms)`) + run.visibleLog.trim());
  console.log(rule('step outputs'));
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'result') console.log(`${name}: ${value}`);
  console.log(rule('job summary (GITHUB_STEP_SUMMARY)') + run.summary);
  process.exitCode = run.exitCode ?? 1;
} finally {
  await simulator.close();
}
