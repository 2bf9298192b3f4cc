/**
 * Every input's invalid forms, through the bundle as the runner runs it: each stops the step with a
 * message naming the input, exit code 1, and no request to the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCertificate } from '../../sim/tls/client-certificate.ts';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import { startServer, type SimServer } from '../../sim/server.ts';

const SECRET_KEY =
  '{"oauth":{"clientid":"sb-x","clientsecret":"Key-S3cret-77","tokenurl":"ftp://auth.example/oauth/token"}}';

/**
 * [what is wrong, provider, inputs over the provider's valid ones, the input the message must name,
 * and words of the message pinned here because no unit test reaches them]
 */
type Row = [string, string, Record<string, string>, string, string?];

const ROWS: Row[] = [
  ['provider empty', '', {}, 'provider'],
  ['provider unknown', 'heroku', {}, 'provider'],
  ['url empty', 'opensearch-flow-framework', { url: '' }, 'url'],
  ['url not http', 'opensearch-flow-framework', { url: 'ftp://cluster.example' }, 'url'],
  ['url with credentials', 'opensearch-flow-framework', { url: 'https://admin:hunter22@cluster.example' }, 'url'],
  ['url not a URL', 'nl-flow', { url: 'cluster dot example' }, 'url'],
  ['id empty (opensearch)', 'opensearch-flow-framework', { id: '' }, 'id'],
  ['id empty (sap)', 'sap-cloud-integration', { id: ' , ' }, 'id'],
  ['id for installer', 'installer', { id: 'deploy-1' }, 'id'],
  ['id of dots only, next to a valid one', 'opensearch-flow-framework', { id: 'wf-1\n..' }, 'id'],
  [
    'deploy for nl-flow',
    'nl-flow',
    { deploy: 'true' },
    'deploy',
    "is true, but provider 'nl-flow' has no documented way",
  ],
  ['deploy for installer', 'installer', { deploy: 'true' }, 'deploy'],
  ['deploy not a boolean', 'opensearch-flow-framework', { deploy: 'yes' }, 'deploy'],
  ['artifact-type unknown', 'sap-cloud-integration', { 'artifact-type': 'iflow' }, 'artifact-type'],
  ['timeout not a duration', 'opensearch-flow-framework', { timeout: 'soon' }, 'timeout'],
  ['timeout zero', 'opensearch-flow-framework', { timeout: '0' }, 'timeout'],
  ['timeout negative', 'opensearch-flow-framework', { timeout: '-5s' }, 'timeout'],
  ['interval zero', 'installer', { interval: '0s' }, 'interval'],
  ['interval bad unit', 'installer', { interval: '5x' }, 'interval'],
  ['max-interval not a duration', 'nl-flow', { 'max-interval': 'lots' }, 'max-interval'],
  ['backoff below 1', 'opensearch-flow-framework', { backoff: '0.5' }, 'backoff'],
  ['backoff negative', 'opensearch-flow-framework', { backoff: '-2' }, 'backoff'],
  ['backoff not a number', 'opensearch-flow-framework', { backoff: 'fast' }, 'backoff'],
  ['request-timeout zero', 'opensearch-flow-framework', { 'request-timeout': '0ms' }, 'request-timeout'],
  ['discovery-timeout negative', 'nl-flow', { 'discovery-timeout': '-1s' }, 'discovery-timeout'],
  ['stall-timeout not a duration', 'installer', { 'stall-timeout': 'never' }, 'stall-timeout'],
  ['allow-degraded not a boolean', 'nl-flow', { 'allow-degraded': 'maybe' }, 'allow-degraded'],
  ['fail-on-not-ready not a boolean', 'installer', { 'fail-on-not-ready': 'nope' }, 'fail-on-not-ready'],
  ['headers without a colon', 'opensearch-flow-framework', { headers: 'X-Trace abc' }, 'headers'],
  ['headers setting Host', 'opensearch-flow-framework', { headers: 'Host: evil.example' }, 'headers'],
  ['headers with a bad name', 'nl-flow', { headers: 'Bad Name: x' }, 'headers'],
  [
    'service-key not JSON',
    'sap-cloud-integration',
    { 'service-key': '{"oauth": {"clientsecret": "Key-S3cret-77"' },
    'service-key',
  ],
  ['service-key without fields', 'sap-cloud-integration', { 'service-key': '{"oauth":{}}' }, 'service-key'],
  ['service-key with a non-http token url', 'sap-cloud-integration', { 'service-key': SECRET_KEY }, 'service-key'],
  ['password without username', 'sap-cloud-integration', { username: '', password: 'pw-123456' }, 'username'],
  [
    'client-id without the rest',
    'sap-cloud-integration',
    { username: '', password: '', 'client-id': 'sb-x' },
    'client-secret',
  ],
  [
    'token-url not http',
    'sap-cloud-integration',
    { username: '', password: '', 'client-id': 'a', 'client-secret': 'Cl-S3cret-9', 'token-url': 'file:///etc/passwd' },
    'token-url',
  ],
  [
    'client-key not a PEM key',
    'sap-cloud-integration',
    {
      username: '',
      password: '',
      'client-id': 'sb-x509',
      'client-certificate': clientCertificate().certificate,
      'client-key': 'Key-S3cret-not-PEM',
      'token-url': 'https://auth.example/oauth/token',
    },
    'client-key',
    'holds no PEM private key',
  ],
  [
    'client-certificate without client-key',
    'sap-cloud-integration',
    { username: '', password: '', 'client-id': 'sb-x509', 'client-certificate': clientCertificate().certificate },
    'client-key',
  ],
  ['api-key missing', 'nl-flow', { 'api-key': '' }, 'api-key'],
  ['token missing', 'installer', { token: '' }, 'token'],
  [
    'environment-url not http',
    'opensearch-flow-framework',
    { environment: 'prod', 'environment-url': 'javascript:alert(1)' },
    'environment-url',
  ],
  ['ca-certificate not PEM', 'opensearch-flow-framework', { 'ca-certificate': 'not a certificate' }, 'ca-certificate'],
];

const VALID: Record<string, Record<string, string>> = {
  'opensearch-flow-framework': { id: 'wf-1' },
  'sap-cloud-integration': { id: 'Order_Sync', username: 'S0001', password: 'pw-123456' },
  'nl-flow': { id: 'wf-1', 'api-key': 'nl-key-123456' },
  installer: { token: 'installer-token-123456' },
};

let simulator: SimServer;
const runs = new Map<string, ActionRun>();

beforeAll(async () => {
  simulator = await startServer(() => ({ status: 500, body: 'no request was expected' }));
  const queue = [...ROWS];
  const worker = async (): Promise<void> => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const [name, provider, inputs] = row;
      const run = await runAction({
        inputs: { provider, url: simulator.url, timeout: '5s', ...VALID[provider], ...inputs },
        killAfterMs: 20_000,
      });
      runs.set(name, run);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}, 120_000);

afterAll(async () => {
  await simulator.close();
});

describe('bad inputs stop the step before any request', () => {
  it.each(ROWS)('%s → names %4$s', (name, _provider, _inputs, input, words = '') => {
    const run = runs.get(name);
    expect(run?.exitCode).toBe(1);
    expect(run?.outputs.status).toBe('error');
    expect(run?.outputs.message).toContain(`'${input}'`);
    expect(run?.outputs.message).toContain(words);
    expect(run?.stdout).toMatch(new RegExp(`::error::.*'${input}'`));
  });

  it('made no request for any of them', () => {
    expect(runs.size).toBe(ROWS.length);
    expect(simulator.requests).toEqual([]);
  });

  // runAction itself fails a run that shows a secret input or service-key field; a password inside
  // the url is neither, so it is looked for here.
  it('never echoes the password of a url with credentials', () => {
    expect(runs.get('url with credentials')?.visibleLog).not.toContain('hunter22');
  });
});
