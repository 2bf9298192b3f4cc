/**
 * The deploys the fault suite plays, each with its truth: for every status resource, what each successive
 * answer of the simulator means for the gate. Written from the simulators' scripts, not from the providers.
 * Steps: `wait` (keep waiting), `absent` (not found while the discovery window is open), or the verdict
 * the answer ends the wait with. The last step repeats, as the simulators repeat their last answer.
 */
import type { Verdict } from '../../src/core/types.ts';
import { DEMO_API_KEY, startNlFlowSimulator } from '../../sim/nl-flow.ts';
import { DEMO_TOKEN, startInstallerSimulator } from '../../sim/installer.ts';
import { startOpenSearchSimulator } from '../../sim/opensearch.ts';
import { DEMO_CLIENT, startSapSimulator, type Format } from '../../sim/sap.ts';
import type { SimServer } from '../../sim/server.ts';

export type Step = 'wait' | 'absent' | Verdict;

export interface TruthRule {
  /** matched against the request path as sent (percent-encoded, without the query) */
  path: RegExp;
  steps: Step[];
}

export interface FaultCase {
  name: string;
  provider: string;
  start(): Promise<SimServer>;
  /** the provider's inputs, with the fault proxy's URL */
  inputs(url: string): Record<string, string>;
  truth: TruthRule[];
  /** never ends by itself: a short timeout is enough to show it does not turn green */
  endless?: boolean;
}

const OPENSEARCH_STATUS = /\/_status$/;
const OPENSEARCH_USER = { username: 'ci-gate', password: 'opensearch-Pa55word!' };

function opensearch(scenario: string, steps: Step[], deploy: boolean, basic: boolean, endless = false): FaultCase {
  return {
    name: `${scenario}${deploy ? ' +deploy' : ''}${basic ? ' basic' : ''}`,
    provider: 'opensearch-flow-framework',
    start: () =>
      startOpenSearchSimulator({ scenario, provisionAnswer: 202, basicAuth: basic ? OPENSEARCH_USER : undefined }),
    inputs: (url) => ({
      provider: 'opensearch-flow-framework',
      url,
      id: 'wf-gate-1',
      deploy: String(deploy),
      ...(basic ? OPENSEARCH_USER : {}),
    }),
    truth: [{ path: OPENSEARCH_STATUS, steps }],
    endless,
  };
}

export const OPENSEARCH_CASES: FaultCase[] = [
  opensearch('provision-completed', ['wait', 'wait', 'wait', 'succeeded'], true, true),
  opensearch('provision-completed', ['wait', 'wait', 'wait', 'succeeded'], false, false),
  opensearch('provision-failed', ['wait', 'failed'], true, false),
  opensearch('not-found', ['not_found'], false, true),
  // The simulator's own faults are part of its truth: 503, 429 and a reset before COMPLETED.
  opensearch('flaky', ['wait', 'wait', 'wait', 'wait', 'wait', 'succeeded'], false, false),
  opensearch('endless', ['wait'], true, false, true),
  opensearch('invented-state', ['wait'], false, true, true),
];

const SAP_BUILD = /\/BuildAndDeployStatus\(/;
const SAP_RUNTIME = /\/IntegrationRuntimeArtifacts\([^)]*\)$/;
const SAP_ERROR_INFO = /\/ErrorInformation\/\$value$/;
const SAP_USER = { username: 'S0001234567', password: 'sap-Basic-Pa55!' };

interface SapTruth {
  build?: Step[];
  runtime?: Step[];
  errorInfo?: Step[];
}

function sap(scenario: string, truth: SapTruth, deploy: boolean, format: Format, basic: boolean, endless = false) {
  const rules: TruthRule[] = [];
  if (truth.build) rules.push({ path: SAP_BUILD, steps: truth.build });
  if (truth.runtime) rules.push({ path: SAP_RUNTIME, steps: truth.runtime });
  if (truth.errorInfo) rules.push({ path: SAP_ERROR_INFO, steps: truth.errorInfo });
  const fault: FaultCase = {
    name: `${scenario}${deploy ? ' +deploy' : ''} ${format}${basic ? ' basic' : ' oauth'}`,
    provider: 'sap-cloud-integration',
    start: () => startSapSimulator({ scenario, format, auth: basic ? { kind: 'basic', ...SAP_USER } : undefined }),
    inputs: (url) => ({
      provider: 'sap-cloud-integration',
      id: 'Order_Sync',
      deploy: String(deploy),
      ...(basic ? { url, ...SAP_USER } : { 'service-key': serviceKeyFor(url) }),
    }),
    truth: rules,
    endless,
  };
  return fault;
}

/** The simulator's own key points at the simulator; the gate must talk to the proxy in front of it. */
export function serviceKeyFor(url: string): string {
  const { clientId, clientSecret } = DEMO_CLIENT;
  return JSON.stringify({
    oauth: { clientid: clientId, clientsecret: clientSecret, tokenurl: `${url}/oauth/token`, url },
  });
}

export const SAP_CASES: FaultCase[] = [
  sap('deploy-ok', { build: ['wait', 'wait'], runtime: ['wait', 'succeeded'] }, true, 'json', false),
  sap('deploy-ok', { build: ['wait', 'wait'], runtime: ['wait', 'succeeded'] }, true, 'xml', true),
  sap('started', { runtime: ['succeeded'] }, false, 'xml', false),
  // A FAIL build or an ERROR runtime entry is the verdict `failed` once seen: the error details it then waits
  // for only add the reason, and a deadline while waiting for them keeps the verdict (SPEC: never `timed_out`).
  sap('deploy-fail', { build: ['wait', 'failed'], errorInfo: ['wait', 'failed'] }, true, 'json', true),
  sap('license-error', { build: ['wait', 'failed'], errorInfo: ['failed'] }, true, 'xml', false),
  sap('runtime-error', { runtime: ['wait', 'failed'], errorInfo: ['wait', 'failed'] }, false, 'json', false),
  sap('not-deployed', { runtime: ['not_found'] }, false, 'json', true),
  sap('not-deployed-500', { runtime: ['not_found'] }, false, 'xml', false),
  sap('runtime-lag', { build: ['wait', 'wait'], runtime: ['wait', 'wait', 'wait', 'succeeded'] }, true, 'xml', false),
  // An entry left over from an earlier deploy is never this run's success.
  sap('stale-runtime', { build: ['wait'], runtime: ['wait'] }, true, 'json', false, true),
  sap('invented-status', { runtime: ['wait'] }, false, 'json', true, true),
];

const NL_FLOW_STATUS = /\/action\/status$/;

function nlFlow(scenario: string, steps: Step[], extra: Record<string, string> = {}, endless = false): FaultCase {
  const options = Object.entries(extra)
    .map(([name, value]) => ` ${name}=${value}`)
    .join('');
  return {
    name: `${scenario}${options}`,
    provider: 'nl-flow',
    start: () => startNlFlowSimulator({ scenario }),
    inputs: (url) => ({ provider: 'nl-flow', url, id: 'wf-7f3a', 'api-key': DEMO_API_KEY, ...extra }),
    truth: [{ path: NL_FLOW_STATUS, steps }],
    endless,
  };
}

export const NL_FLOW_CASES: FaultCase[] = [
  nlFlow('sync-green', ['wait', 'wait', 'wait', 'succeeded']),
  // ASYNC ORANGE is usable (tasks are queued): with allow-degraded the wait stops there.
  nlFlow('async-green', ['wait', 'degraded', 'degraded', 'succeeded'], { 'allow-degraded': 'true' }),
  nlFlow('stays-yellow', ['wait', 'wait'], {}, true),
  nlFlow('unpublished', ['inactive']),
  nlFlow('not-found', ['not_found']),
  // Not found is final only after the discovery window, which outlasts the timeout here.
  nlFlow('published-later', ['absent', 'absent', 'wait', 'succeeded'], { 'discovery-timeout': '1h' }),
  nlFlow('flaky', ['wait', 'wait', 'wait', 'wait', 'succeeded']),
  nlFlow('unschedulable', ['wait'], {}, true),
];

const INSTALLER_STATUS = /\/installer\/deploy\/status$/;

function installer(scenario: string, steps: Step[], extra: Record<string, string> = {}, endless = false): FaultCase {
  return {
    name: `${scenario}${extra['allow-degraded'] ? ' allow-degraded' : ''}`,
    provider: 'installer',
    start: () => startInstallerSimulator({ scenario }),
    inputs: (url) => ({ provider: 'installer', url, token: DEMO_TOKEN, ...extra }),
    truth: [{ path: INSTALLER_STATUS, steps }],
    endless,
  };
}

export const INSTALLER_CASES: FaultCase[] = [
  installer('completed', ['wait', 'wait', 'wait', 'wait', 'succeeded']),
  installer('failed', ['wait', 'wait', 'wait', 'failed']),
  // Completed with a failed registration: degraded, and final.
  installer('registration-error', ['wait', 'wait', 'wait', 'degraded']),
  installer('registration-error', ['wait', 'wait', 'wait', 'degraded'], { 'allow-degraded': 'true' }),
  // A new session id means the deploy being watched was replaced.
  installer('replaced', ['wait', 'wait', 'failed']),
  installer('flaky', ['wait', 'wait', 'wait', 'succeeded']),
  installer('stuck', ['wait'], {}, true),
];
