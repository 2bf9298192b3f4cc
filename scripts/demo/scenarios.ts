/**
 * The outcomes `npm run demo` can show: per scenario, per provider where it applies, a simulator
 * playing it and the inputs a workflow would give the action for it.
 */
import type { SimServer } from '../../sim/server.ts';

export interface Demo {
  server: SimServer;
  inputs: Record<string, string>;
  /** a signal the runner sends while the step waits (cancellation) */
  signal?: { name: NodeJS.Signals; afterMs: number };
}

type Start = () => Promise<Demo>;

export const PROVIDERS = ['sap-cloud-integration', 'opensearch-flow-framework', 'nl-flow', 'installer'] as const;
export type DemoProvider = (typeof PROVIDERS)[number];

const sap = async (scenario: string, inputs: Record<string, string>, artifacts?: Record<string, string>) => {
  const { startSapSimulator } = await import('../../sim/sap.ts');
  const server = await startSapSimulator({ scenario, artifacts });
  return {
    server,
    inputs: {
      provider: 'sap-cloud-integration',
      'service-key': server.serviceKey,
      id: 'Order_Sync\nBilling_Sync',
      deploy: 'true',
      ...inputs,
    },
  };
};

const WORKFLOW_ID = '8xL8bowB8y25Tqfenm50';
const opensearch = async (scenario: string, inputs: Record<string, string> = {}) => {
  const { startOpenSearchSimulator } = await import('../../sim/opensearch.ts');
  const server = await startOpenSearchSimulator({ scenario, provisionAnswer: 202 });
  return {
    server,
    inputs: { provider: 'opensearch-flow-framework', url: server.url, id: WORKFLOW_ID, deploy: 'true', ...inputs },
  };
};

const nlFlow = async (scenario: string, inputs: Record<string, string> = {}) => {
  const { startNlFlowSimulator, DEMO_API_KEY } = await import('../../sim/nl-flow.ts');
  const server = await startNlFlowSimulator({ scenario });
  return {
    server,
    inputs: { provider: 'nl-flow', url: server.url, id: 'support-triage', 'api-key': DEMO_API_KEY, ...inputs },
  };
};

const installer = async (scenario: string, inputs: Record<string, string> = {}) => {
  const { startInstallerSimulator, DEMO_TOKEN } = await import('../../sim/installer.ts');
  const server = await startInstallerSimulator({ scenario });
  return { server, inputs: { provider: 'installer', url: server.url, token: DEMO_TOKEN, ...inputs } };
};

const SHORT_TIMEOUT = { timeout: '3s' };
const cancelAfter = async (demo: Promise<Demo>): Promise<Demo> => ({
  ...(await demo),
  signal: { name: 'SIGINT', afterMs: 1_500 },
});

export interface Scenario {
  description: string;
  providers: Partial<Record<DemoProvider, Start>>;
}

export const SCENARIOS: Record<string, Scenario> = {
  succeeded: {
    description: 'the deploy goes well',
    providers: {
      'sap-cloud-integration': () => sap('deploy-ok', {}),
      'opensearch-flow-framework': () => opensearch('provision-completed'),
      'nl-flow': () => nlFlow('sync-green'),
      installer: () => installer('completed'),
    },
  },
  failed: {
    description: 'the provider reports a failure, with its error details (SAP: two flows)',
    providers: {
      'sap-cloud-integration': () => sap('deploy-ok', {}, { Order_Sync: 'deploy-fail', Billing_Sync: 'runtime-error' }),
      'opensearch-flow-framework': () => opensearch('provision-failed'),
      installer: () => installer('failed'),
    },
  },
  'timed-out': {
    description: 'the deploy is still running when `timeout` (3s here) passes',
    providers: {
      'sap-cloud-integration': () => sap('endless', SHORT_TIMEOUT),
      'opensearch-flow-framework': () => opensearch('endless', SHORT_TIMEOUT),
      'nl-flow': () => nlFlow('unschedulable', SHORT_TIMEOUT),
      installer: () => installer('stuck', SHORT_TIMEOUT),
    },
  },
  degraded: {
    description: 'usable but not fully healthy (NL Flow: accepted with allow-degraded)',
    providers: {
      installer: () => installer('registration-error'),
      'nl-flow': () => nlFlow('stays-yellow', { 'allow-degraded': 'true' }),
    },
  },
  cancelled: {
    description: 'the runner cancels the step (SIGINT) while it waits',
    providers: {
      'sap-cloud-integration': () => cancelAfter(sap('endless', {})),
      'opensearch-flow-framework': () => cancelAfter(opensearch('endless')),
    },
  },
  'not-found': {
    description: 'the target does not exist (wrong id, never deployed)',
    providers: {
      'opensearch-flow-framework': () => opensearch('not-found', { deploy: 'false' }),
      'nl-flow': () => nlFlow('not-found'),
      'sap-cloud-integration': () => sap('not-deployed', { deploy: 'false' }),
    },
  },
  error: {
    description: 'the provider cannot be asked (a login page instead of an answer)',
    providers: {
      'opensearch-flow-framework': () => opensearch('html-login', { deploy: 'false' }),
      'nl-flow': () => nlFlow('html-login'),
      installer: () => installer('html-login'),
    },
  },
};
