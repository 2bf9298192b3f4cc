/**
 * `npm run demo`: runs the bundled action end to end against a local simulator, as the
 * runner would, and prints its log, its outputs and the job summary it wrote.
 * `npm run demo -- --provider nl-flow` picks another simulator.
 */
import { parseArgs } from 'node:util';
import { runAction } from '../sim/run-action.ts';
import type { SimServer } from '../sim/server.ts';

/** A simulator playing a deploy that goes well, and the inputs a workflow would give the action for it. */
type Demo = () => Promise<{ server: SimServer; inputs: Record<string, string> }>;

const DEMOS: Record<string, Demo> = {
  'opensearch-flow-framework': async () => {
    const { startOpenSearchSimulator } = await import('../sim/opensearch.ts');
    const server = await startOpenSearchSimulator({ scenario: 'provision-completed', provisionAnswer: 202 });
    return {
      server,
      inputs: { provider: 'opensearch-flow-framework', url: server.url, id: '8xL8bowB8y25Tqfenm50', deploy: 'true' },
    };
  },
  'sap-cloud-integration': async () => {
    const { startSapSimulator } = await import('../sim/sap.ts');
    const server = await startSapSimulator({ scenario: 'deploy-ok' });
    return {
      server,
      inputs: {
        provider: 'sap-cloud-integration',
        'service-key': server.serviceKey,
        id: 'Order_Sync\nBilling_Sync',
        deploy: 'true',
      },
    };
  },
  'nl-flow': async () => {
    const { startNlFlowSimulator, DEMO_API_KEY } = await import('../sim/nl-flow.ts');
    const server = await startNlFlowSimulator({ scenario: 'sync-green' });
    return { server, inputs: { provider: 'nl-flow', url: server.url, id: 'support-triage', 'api-key': DEMO_API_KEY } };
  },
  installer: async () => {
    const { startInstallerSimulator, DEMO_TOKEN } = await import('../sim/installer.ts');
    const server = await startInstallerSimulator({ scenario: 'completed' });
    return { server, inputs: { provider: 'installer', url: server.url, token: DEMO_TOKEN } };
  },
};

const { values } = parseArgs({ options: { provider: { type: 'string', default: 'opensearch-flow-framework' } } });
const demo = DEMOS[values.provider ?? ''];
if (!demo) {
  console.error(`no demo for '${values.provider}'; one of: ${Object.keys(DEMOS).join(', ')}`);
  process.exit(2);
}

const { server, inputs } = await demo();
try {
  const run = await runAction({ inputs: { interval: '500ms', 'max-interval': '2s', timeout: '1m', ...inputs } });
  const rule = (title: string): string => `\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n`;
  const log = run.visibleLog.split('\n').filter((line) => !line.startsWith('::debug::'));
  console.log(rule(`job log (exit code ${run.exitCode}, ${run.durationMs} ms)`) + log.join('\n').trim());
  console.log(rule('step outputs'));
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'result') console.log(`${name}: ${value}`);
  console.log(rule('job summary (GITHUB_STEP_SUMMARY)') + run.summary);
  process.exitCode = run.exitCode ?? 1;
} finally {
  await server.close();
}
