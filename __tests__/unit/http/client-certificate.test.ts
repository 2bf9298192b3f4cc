import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/http/client.ts';
import type { HttpClient } from '../../../src/http/types.ts';
import { startServer, text, type SimServer } from '../../../sim/server.ts';
import { clientCertificate } from '../../../sim/tls/client-certificate.ts';
import { TEST_CA, TEST_SERVER_TLS } from '../../../sim/tls/server-certificate.ts';

const CALL = { timeoutMs: 5_000 };
let servers: SimServer[] = [];
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const askingForCertificates = async (): Promise<SimServer> => {
  const server = await startServer(() => text(200, 'ok'), {
    https: { ...TEST_SERVER_TLS, requestCert: true, rejectUnauthorized: false },
  });
  servers.push(server);
  return server;
};

describe('client certificate', () => {
  it('is presented to its origin only, even when every server asks for one', async () => {
    const [tokenServer, tenant] = [await askingForCertificates(), await askingForCertificates()];
    const { certificate, key, fingerprint256 } = clientCertificate();
    client = createHttpClient({
      caCertificate: TEST_CA,
      clientCertificate: { origin: tokenServer.url, certificate, key },
    });
    await client.request({ ...CALL, url: `${tokenServer.url}/oauth/token`, method: 'POST', body: 'x' });
    await client.request({ ...CALL, url: `${tenant.url}/api/v1/` });
    await client.request({ ...CALL, url: `${tokenServer.url}/again` });
    expect(tokenServer.requests.map((r) => r.clientCertificate)).toEqual([fingerprint256, fingerprint256]);
    expect(tenant.requests.map((r) => r.clientCertificate)).toEqual([undefined]);
  });

  it('is not presented across a redirect to another origin', async () => {
    const tenant = await askingForCertificates();
    const tokenServer = await startServer(() => ({ status: 307, headers: { location: `${tenant.url}/elsewhere` } }), {
      https: { ...TEST_SERVER_TLS, requestCert: true, rejectUnauthorized: false },
    });
    servers.push(tokenServer);
    const { certificate, key, fingerprint256 } = clientCertificate();
    client = createHttpClient({
      caCertificate: TEST_CA,
      clientCertificate: { origin: tokenServer.url, certificate, key },
    });
    const answer = await client.request({ ...CALL, url: `${tokenServer.url}/oauth/token` });
    expect(answer.status).toBe(200);
    expect(tokenServer.requests[0]?.clientCertificate).toBe(fingerprint256);
    expect(tenant.requests.map((r) => r.clientCertificate)).toEqual([undefined]);
  });
});
