import { describe, expect, it } from 'vitest';
import { json, text, type Reply } from '../../../sim/server.ts';
import { httpError, httpHarness } from './harness.ts';

const { server, client } = httpHarness();

const redirect = (status: number, location: string): Reply => ({ status, headers: { location } });

const CREDENTIALS = {
  Authorization: 'Bearer t0ken',
  'X-API-KEY': 'k3y',
  Cookie: 'session=abc',
  'X-CSRF-Token': 'csrf',
};

describe('redirects', () => {
  it('follows a same-origin redirect with every header, and reports the final URL', async () => {
    const api = await server((request) => (request.path === '/old' ? redirect(302, '/new') : json(200, { at: 'new' })));
    const response = await client({ extraHeaders: { 'X-Tenant': 'acme' } }).request({
      url: `${api.url}/old`,
      headers: CREDENTIALS,
      timeoutMs: 5000,
    });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${api.url}/new`);
    expect(api.requests[1]?.headers).toMatchObject({
      authorization: 'Bearer t0ken',
      'x-api-key': 'k3y',
      cookie: 'session=abc',
      'x-csrf-token': 'csrf',
      'x-tenant': 'acme',
    });
  });

  it('starts requests with the extra headers only at their origin (not at an OAuth token URL elsewhere)', async () => {
    const api = await server(() => json(200, { at: 'api' }));
    const tokens = await server(() => json(200, { access_token: 'a' }));
    const http = client({ extraHeaders: { 'X-Tenant-Secret': 's3cr3t' }, extraHeadersOrigin: new URL(api.url).origin });
    await http.request({ url: `${api.url}/status`, timeoutMs: 5000 });
    await http.request({ method: 'POST', url: `${tokens.url}/oauth/token`, timeoutMs: 5000 });
    expect(api.requests[0]?.headers['x-tenant-secret']).toBe('s3cr3t');
    expect(tokens.requests[0]?.headers['x-tenant-secret']).toBeUndefined();
  });

  it('sends no credential and no extra header to another origin', async () => {
    const elsewhere = await server(() => json(200, { at: 'elsewhere' }));
    const api = await server(() => redirect(307, `${elsewhere.url}/landing`));
    const response = await client({ extraHeaders: { 'X-Tenant': 'acme' } }).request({
      url: `${api.url}/start`,
      headers: { ...CREDENTIALS, accept: 'application/json' },
      timeoutMs: 5000,
    });
    expect(response.url).toBe(`${elsewhere.url}/landing`);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer t0ken');
    const received = elsewhere.requests[0]?.headers ?? {};
    for (const name of ['authorization', 'x-api-key', 'cookie', 'x-csrf-token', 'x-tenant']) {
      expect(received[name], name).toBeUndefined();
    }
    expect(received).toMatchObject({ accept: 'application/json', 'user-agent': 'await-deploy/1' });
  });

  it('does not send credentials back after leaving the origin once', async () => {
    const api = await server((request) => (request.path === '/back' ? json(200, {}) : redirect(302, '/never')));
    const bouncer = await server(() => redirect(302, `${api.url}/back`));
    const start = await server(() => redirect(302, `${bouncer.url}/bounce`));
    await client().request({ url: start.url, headers: CREDENTIALS, timeoutMs: 5000 });
    expect(api.requests[0]?.path).toBe('/back');
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('follows 5 redirects and refuses the 6th as permanent', async () => {
    const hop = (request: { path: string }): number => Number(request.path.slice(1));
    const fiveHops = await server((request) =>
      hop(request) < 5 ? redirect(301, `/${hop(request) + 1}`) : json(200, {}),
    );
    const endless = await server((request) => redirect(302, `/${hop(request) + 1}`));
    const http = client();

    expect((await http.request({ url: `${fiveHops.url}/0`, timeoutMs: 5000 })).url).toBe(`${fiveHops.url}/5`);
    const error = await httpError(http.request({ url: `${endless.url}/0`, timeoutMs: 5000 }));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(`request to ${endless.url}/5 redirected more than 5 times`);
    expect(endless.requests).toHaveLength(6);
  });

  it('refuses a redirect to a non-HTTP URL as permanent', async () => {
    const api = await server(() => redirect(302, 'file:///etc/passwd'));
    const error = await httpError(client().request({ url: `${api.url}/x`, timeoutMs: 5000 }));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(`request to ${api.url}/x was redirected to a non-HTTP URL (file:); not followed`);
  });

  it('follows 307/308 for POST with the body, and hands other redirects of a POST back as they are', async () => {
    const api = await server((request) => {
      if (request.path === '/moved-for-good') return redirect(308, '/deploy');
      if (request.path === '/see-other') return redirect(303, '/deploy');
      return text(202, `got ${request.method} ${request.body}`);
    });
    const http = client();
    const followed = await http.request({
      method: 'POST',
      url: `${api.url}/moved-for-good`,
      body: 'go',
      timeoutMs: 5000,
    });
    expect(followed).toMatchObject({ status: 202, body: 'got POST go' });
    const kept = await http.request({ method: 'POST', url: `${api.url}/see-other`, body: 'go', timeoutMs: 5000 });
    expect(kept.status).toBe(303);
    expect(kept.headers.location).toBe('/deploy');
  });

  it('drops userinfo from a redirect target: never sent, never in the final URL', async () => {
    const api = await server((request) =>
      request.path === '/login' ? redirect(302, `http://admin:hunter2@${request.headers.host}/home`) : json(200, {}),
    );
    const response = await client().request({ url: `${api.url}/login`, timeoutMs: 5000 });
    expect(response.url).toBe(`${api.url}/home`);
    expect(api.requests[1]?.headers.authorization).toBeUndefined();
  });
});
