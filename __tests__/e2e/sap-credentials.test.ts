/**
 * SAP credentials end to end: certificate service keys and the client-certificate inputs over mutual TLS,
 * and token endpoints whose answers must never be quoted (they may echo the Basic credential or carry a token).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../../sim/run-action.ts';
import type { PackageArtifact } from '../../sim/sap-packages.ts';
import { DEMO_CLIENT, startSapSimulator, type SapSimulator, type SapSimulatorOptions } from '../../sim/sap.ts';
import { clientCertificate, encryptedKey } from '../../sim/tls/client-certificate.ts';
import { TEST_CA } from '../../sim/tls/server-certificate.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

let simulator: SapSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const X509_CLIENT = 'sb-await-deploy-x509!b1234|it!b5678';

function x509Auth(): SapSimulatorOptions['auth'] {
  const { certificate, key } = clientCertificate();
  return { kind: 'x509', clientId: X509_CLIENT, certificate, key };
}

/** Every line of the key and the certificate: none may show anywhere. */
function pemLines(): string[] {
  const { certificate, key } = clientCertificate();
  return [certificate, key].flatMap((pem) => pem.split('\n').filter((line) => line && !line.startsWith('-----')));
}

async function run(
  options: SapSimulatorOptions,
  inputs: (sim: SapSimulator) => Record<string, string>,
): Promise<{
  action: ActionRun;
  sim: SapSimulator;
}> {
  const sim = await startSapSimulator(options);
  simulator = sim;
  const action = await runAction({
    inputs: { provider: 'sap-cloud-integration', id: 'Order_Sync', ...FAST_INPUTS, ...inputs(sim) },
    secrets: () => [...sim.tokensIssued, ...pemLines()],
  });
  return { action, sim };
}

/** The four inputs of client credentials over mutual TLS, against the simulator's certificate token endpoint. */
const certificateInputs = (sim: SapSimulator, certificate: string, key: string): Record<string, string> => ({
  url: sim.url,
  'client-id': X509_CLIENT,
  'client-certificate': certificate,
  'client-key': key,
  'token-url': `${sim.certificateTokenServer?.url ?? ''}/oauth/token`,
});

const tokenRequests = (server: { requests: SapSimulator['requests'] } | undefined) =>
  server?.requests.filter((r) => r.url === '/oauth/token') ?? [];

describe('SAP certificate credentials over mutual TLS', () => {
  it('deploys with an X.509 service key: the token request presents the certificate to certurl only', async () => {
    const { action, sim } = await run({ scenario: 'deploy-ok', auth: x509Auth() }, (s) => ({
      'service-key': s.serviceKey,
      'ca-certificate': TEST_CA,
      deploy: 'true',
    }));
    expect(action.outputs).toMatchObject({ status: 'succeeded', 'provider-status': 'STARTED' });
    const [request, ...more] = tokenRequests(sim.certificateTokenServer);
    expect(more).toEqual([]);
    expect(request?.clientCertificate).toBe(clientCertificate().fingerprint256);
    expect(new URLSearchParams(request?.body)).toEqual(
      new URLSearchParams({ grant_type: 'client_credentials', client_id: X509_CLIENT }),
    );
    expect(request?.headers.authorization).toBeUndefined();
    // The tenant's own token URL (no certificate there) was never asked.
    expect(tokenRequests(sim)).toEqual([]);
    expect(sim.requests.every((r) => r.clientCertificate === undefined)).toBe(true);
    for (const line of pemLines()) expect(action.stdout).toContain(`::add-mask::${line}`);
  });

  it('skips an unchanged package artifact with an X.509 key: every read before the deploy carries its token', async () => {
    const packages: Record<string, PackageArtifact[]> = {
      Orders: [
        { id: 'Orders_iFlow', type: 'integration-flow', version: '1.0.0' },
        { id: 'Billing_iFlow', type: 'integration-flow', version: '1.1.0' },
      ],
    };
    const { action, sim } = await run({ scenario: 'started', auth: x509Auth(), packages: { packages } }, (s) => ({
      'service-key': s.serviceKey,
      'ca-certificate': TEST_CA,
      id: '',
      package: 'Orders',
      deploy: 'true',
      'skip-unchanged': 'true',
    }));
    expect(action.outputs).toMatchObject({ status: 'succeeded', skipped: 'Orders_iFlow' });
    const deploys = sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/Deploy'));
    expect(new Set(deploys.map((r) => /Id=%27(\w+)%27/.exec(r.url)?.[1]))).toEqual(new Set(['Billing_iFlow']));
    const api = sim.requests.filter((r) => r.url.startsWith('/api/v1'));
    expect(api.some((r) => r.path.startsWith("/api/v1/IntegrationDesigntimeArtifacts(Id='Orders_iFlow'"))).toBe(true);
    expect(tokenRequests(sim.certificateTokenServer)).toHaveLength(1);
    expect(api.every((r) => r.headers.authorization === `Bearer ${sim.tokensIssued[0] ?? '-'}`)).toBe(true);
  });

  it('deploys with client-id, client-certificate, client-key and token-url', async () => {
    const { certificate, key } = clientCertificate();
    const { action, sim } = await run({ scenario: 'deploy-ok', auth: x509Auth() }, (s) => ({
      ...certificateInputs(s, certificate, key),
      'ca-certificate': TEST_CA,
      deploy: 'true',
    }));
    expect(action.outputs.status).toBe('succeeded');
    expect(tokenRequests(sim.certificateTokenServer).map((r) => r.clientCertificate)).toEqual([
      clientCertificate().fingerprint256,
    ]);
  });

  it('is an error naming the certificate when the token endpoint refuses it', async () => {
    const other = clientCertificate('other');
    const { action, sim } = await run({ scenario: 'started', auth: x509Auth() }, (s) => ({
      ...certificateInputs(s, other.certificate, other.key),
      'ca-certificate': TEST_CA,
    }));
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain('HTTP 401 invalid_client — check the client id, the client certificate');
    expect(tokenRequests(sim.certificateTokenServer).map((r) => r.clientCertificate)).toEqual([other.fingerprint256]);
    for (const line of other.key.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      expect(action.visibleLog).not.toContain(line);
    }
  });

  it('stops before any request on a key that is not the certificate’s, and shows none of it', async () => {
    const { certificate } = clientCertificate();
    const { action, sim } = await run({ scenario: 'started', auth: x509Auth() }, (s) =>
      certificateInputs(s, certificate, certificate),
    );
    expect(action.exitCode).toBe(1);
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain("Input 'client-key' holds a certificate, not the private key");
    expect(sim.requests).toEqual([]);
    expect(tokenRequests(sim.certificateTokenServer)).toEqual([]);
  });
});

describe('SAP service keys in every spelling', () => {
  it('deploys with a camelCase key (clientId, clientSecret, tokenUrl, url)', async () => {
    const { action, sim } = await run({ scenario: 'deploy-ok' }, (s) => {
      const { oauth } = JSON.parse(s.serviceKey) as { oauth: Record<string, string> };
      const camel = {
        clientId: oauth.clientid,
        clientSecret: oauth.clientsecret,
        tokenUrl: oauth.tokenurl,
        url: oauth.url,
      };
      return { 'service-key': JSON.stringify(camel), deploy: 'true' };
    });
    expect(action.outputs.status).toBe('succeeded');
    expect(tokenRequests(sim)).toHaveLength(1);
  });

  it('says which kind of key it cannot use (an encrypted one) before any request, without echoing it', async () => {
    const { certificate, key } = clientCertificate();
    const encrypted = encryptedKey(key);
    const { action, sim } = await run({ scenario: 'started', auth: x509Auth() }, (s) =>
      certificateInputs(s, certificate, encrypted),
    );
    expect(action.exitCode).toBe(1);
    expect(action.outputs.message).toContain("Input 'client-key' is an encrypted private key");
    for (const line of encrypted.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      expect(action.visibleLog).not.toContain(line);
      expect(action.summary).not.toContain(line);
    }
    expect(sim.requests).toEqual([]);
  });
});

describe('SAP token endpoints are never quoted', () => {
  const serviceKey = (sim: SapSimulator) => ({ 'service-key': sim.serviceKey });

  it('never prints the Basic credential a token endpoint echoes', async () => {
    const { action } = await run({ scenario: 'started', tokenAnswer: 'echo' }, serviceKey);
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain('HTTP 400');
    // runAction fails the test if base64(client-id:client-secret) or the secret shows anywhere.
    const basic = Buffer.from(`${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret}`).toString('base64');
    expect(action.stdout).toContain(`::add-mask::${basic}`);
    expect(action.visibleLog).not.toContain('rejected request');
  });

  it('reads a form-urlencoded token answer and masks its token', async () => {
    const { action, sim } = await run({ scenario: 'started', tokenAnswer: 'form' }, serviceKey);
    expect(action.outputs.status).toBe('succeeded');
    expect(sim.tokensIssued).toHaveLength(1);
    expect(action.stdout).toContain(`::add-mask::${sim.tokensIssued[0] ?? 'none'}`);
  });

  it('never prints the token inside an HTML token answer', async () => {
    const { action, sim } = await run({ scenario: 'started', tokenAnswer: 'html' }, serviceKey);
    expect(action.outputs.status).toBe('error');
    expect(action.outputs.message).toContain('got an HTML page');
    expect(sim.tokensIssued).toHaveLength(1);
    expect(action.stdout).not.toContain('Your token');
  });
});
