import { describe, expect, it } from 'vitest';
import { json } from '../../../sim/server.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import { validateCaCertificate } from '../../../src/http/tls.ts';
import { httpError, httpHarness } from './harness.ts';
import { startConnectProxy, startTlsServer, testCa } from './servers.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const { server, client, track } = httpHarness();

const hostOf = (url: string): string => new URL(url).host;

describe('proxies', () => {
  it('sends an http request through the proxy', async () => {
    const api = await server(() => json(200, { via: 'proxy' }));
    const proxy = track(await startConnectProxy());
    const response = await client({ proxyEnv: { httpProxy: proxy.url } }).request({ url: api.url, timeoutMs: 5000 });
    expect(response.status).toBe(200);
    expect(proxy.tunnels).toEqual([hostOf(api.url)]);
    expect(api.requests).toHaveLength(1);
  });

  it('goes direct to hosts listed in NO_PROXY', async () => {
    const api = await server(() => json(200, {}));
    const proxy = track(await startConnectProxy());
    const http = client({
      proxyEnv: { httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: 'example.com, 127.0.0.1' },
    });
    await http.request({ url: api.url, timeoutMs: 5000 });
    expect(proxy.tunnels).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('uses only the proxy values it is given, not the process environment', async () => {
    const api = await server(() => json(200, {}));
    const given = track(await startConnectProxy());
    const fromEnvironment = track(await startConnectProxy());
    const saved = process.env.http_proxy;
    process.env.http_proxy = fromEnvironment.url;
    try {
      // Only an https proxy is given, so an http target goes direct.
      await client({ proxyEnv: { httpsProxy: given.url } }).request({ url: api.url, timeoutMs: 5000 });
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
    expect(fromEnvironment.tunnels).toEqual([]);
    expect(given.tunnels).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('tunnels https through the proxy and verifies the target with the extra CA', async () => {
    const secure = track(await startTlsServer());
    const proxy = track(await startConnectProxy());
    const http = client({ proxyEnv: { httpsProxy: proxy.url }, caCertificate: testCa() });
    const response = await http.request({ url: `${secure.url}/`, timeoutMs: 5000 });
    expect(response.body).toBe('secure hello');
    expect(proxy.tunnels).toEqual([hostOf(secure.url)]);
  });

  it('an unreachable proxy is a transient error, and the target is not tried directly', async () => {
    const api = await server(() => json(200, {}));
    const gone = await startConnectProxy();
    await gone.close();
    const http = client({ proxyEnv: { httpProxy: gone.url } });
    const error = await httpError(http.request({ url: api.url, timeoutMs: 5000 }));
    expect(error.kind).toBe('transient');
    expect(api.requests).toHaveLength(0);
  });
});

describe('ca-certificate', () => {
  it('a server whose certificate comes from a private CA is refused without the CA, permanently', async () => {
    const secure = track(await startTlsServer());
    const error = await httpError(client().request({ url: `${secure.url}/health`, timeoutMs: 5000 }));
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(
      new RegExp(`^request to ${secure.url}/health failed: the TLS certificate is not trusted .*set ca-certificate`),
    );
  });

  it('is accepted with the CA added to the default roots', async () => {
    const secure = track(await startTlsServer());
    const response = await client({ caCertificate: testCa() }).request({ url: secure.url, timeoutMs: 5000 });
    expect(response).toMatchObject({ status: 200, body: 'secure hello' });
  });

  it('an unreadable PEM stops createHttpClient with an InputError naming the input', () => {
    expect(inputErrorOf(() => createHttpClient({ caCertificate: 'not a certificate' })).input).toBe('ca-certificate');
  });
});

describe('validateCaCertificate', () => {
  const ca = testCa();

  it('returns every certificate of a bundle', () => {
    expect(validateCaCertificate(`${ca}\n${ca}`)).toHaveLength(2);
  });

  it('accepts a PEM whose newlines were stored as literal \\n, or with CRLF', () => {
    expect(validateCaCertificate(ca.trim().replace(/\n/g, '\\n'))).toHaveLength(1);
    expect(validateCaCertificate(ca.replace(/\n/g, '\r\n'))).toHaveLength(1);
  });

  it.each([
    ['no PEM block at all', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', /holds no PEM certificate/],
    ['a private key only', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----', /holds no PEM certificate/],
    [
      'a truncated certificate',
      `${ca.slice(0, 200)}\n-----END CERTIFICATE-----`,
      /certificate 1 of 1 is not a readable PEM certificate/,
    ],
  ])('refuses %s, without repeating the value', (_case, pem, message) => {
    const error = inputErrorOf(() => validateCaCertificate(pem));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(pem.slice(0, 40));
  });
});
