import { describe, expect, it } from 'vitest';
import { fault, json, startServer, text } from '../../../sim/server.ts';
import { httpError, httpHarness, rejection } from './harness.ts';

const { server, client } = httpHarness();

describe('requests and responses', () => {
  it('merges headers: the request wins over extra headers, extra headers over the default user agent', async () => {
    const api = await server(() => json(200, { ok: true }));
    const http = client({ extraHeaders: { 'X-Team': 'blue', Authorization: 'Basic from-input' } });

    await http.request({ url: `${api.url}/a`, headers: { authorization: 'Bearer from-provider' }, timeoutMs: 5000 });
    await http.request({ url: `${api.url}/b`, headers: { 'User-Agent': 'custom/2' }, timeoutMs: 5000 });

    const [first, second] = api.requests;
    expect(first?.headers).toMatchObject({
      authorization: 'Bearer from-provider',
      'x-team': 'blue',
      'user-agent': 'await-deploy/1',
    });
    expect(second?.headers).toMatchObject({ authorization: 'Basic from-input', 'user-agent': 'custom/2' });
  });

  it('takes the user agent from the options', async () => {
    const api = await server(() => json(200, {}));
    await client({ userAgent: 'await-deploy/1 (test)' }).request({ url: api.url, timeoutMs: 5000 });
    expect(api.requests[0]?.headers['user-agent']).toBe('await-deploy/1 (test)');
  });

  it('sends method and body as given', async () => {
    const api = await server(() => text(202, 'task-1'));
    const response = await client().request({
      method: 'POST',
      url: `${api.url}/deploy?Version=active`,
      headers: { 'content-type': 'application/json' },
      body: '{"go":true}',
      timeoutMs: 5000,
    });
    expect(response.status).toBe(202);
    expect(api.requests[0]).toMatchObject({ method: 'POST', url: '/deploy?Version=active', body: '{"go":true}' });
  });

  it('shapes the response: lower-case headers, repeats joined, cookies listed, mime type, utf-8 text', async () => {
    const api = await server(() => ({
      status: 200,
      headers: {
        'Content-Type': 'Application/JSON; charset=UTF-8',
        'X-Repeated': ['one', 'two'],
        'Set-Cookie': ['a=1; Path=/', 'b=2; HttpOnly'],
      },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"Zürich ✓"}')]),
    }));
    const response = await client().request({ url: `${api.url}/status`, timeoutMs: 5000 });
    expect(response).toMatchObject({
      status: 200,
      contentType: 'application/json',
      body: '{"name":"Zürich ✓"}',
      setCookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      url: `${api.url}/status`,
    });
    expect(response.headers['x-repeated']).toBe('one, two');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('resolves with error statuses: judging them is the caller’s job', async () => {
    const api = await server(() => fault.unavailable(3));
    const response = await client().request({ url: api.url, timeoutMs: 5000 });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('3');
  });

  it('keeps connections alive across requests', async () => {
    const api = await server(() => json(200, {}));
    const http = client();
    for (let i = 0; i < 5; i += 1) await http.request({ url: `${api.url}/${i}`, timeoutMs: 5000 });
    expect(api.requests).toHaveLength(5);
    // undici may open a second connection while the first is being released; never one per request.
    expect(api.connections()).toBeLessThanOrEqual(2);
  });

  it('refuses a URL that is not http(s) before sending anything', async () => {
    const api = await server(() => json(200, {}));
    const error = await httpError(client().request({ url: api.url.replace('http:', 'ftp:'), timeoutMs: 5000 }));
    expect(error.kind).toBe('permanent');
    // The client's own words: undici refuses ftp: too, with a message that names no cause.
    expect(error.message).toBe("'ftp:' URLs are not supported: only http and https");
    expect(api.requests).toHaveLength(0);
  });
});

describe('time limit and cancellation', () => {
  it('rejects with a transient error naming origin and path, never userinfo or query', async () => {
    const api = await server(() => fault.slow(20_000, json(200, {})));
    const url = `${api.url.replace('//', '//user:hunter2@')}/slow/path?token=s3cret`;
    const started = Date.now();
    const error = await httpError(client().request({ url, timeoutMs: 200 }));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe(`request to ${api.url}/slow/path timed out after 200ms`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('counts the time to read the body too', async () => {
    const api = await server(() => ({ status: 200, headers: { 'content-length': '100' }, body: 'partial' }));
    const error = await httpError(client().request({ url: api.url, timeoutMs: 300 }));
    expect(error.message).toMatch(/timed out after 300ms/);
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    const api = await server(() => fault.slow(20_000, json(200, {})));
    const caller = new AbortController();
    const reason = new Error('cancelled by SIGTERM');
    setTimeout(() => caller.abort(reason), 100);
    const error = await rejection(client().request({ url: api.url, signal: caller.signal, timeoutMs: 30_000 }));
    expect(error).toBe(reason);
  });

  it('rejects at once with the reason of a signal that is already aborted', async () => {
    const api = await server(() => json(200, {}));
    const reason = new Error('stopped');
    const error = await rejection(
      client().request({ url: api.url, signal: AbortSignal.abort(reason), timeoutMs: 5000 }),
    );
    expect(error).toBe(reason);
    expect(api.requests).toHaveLength(0);
  });
});

describe('network errors', () => {
  it('a reset connection is transient and named by origin and cause', async () => {
    const api = await server(() => fault.reset());
    const error = await httpError(client().request({ url: `${api.url}/x?key=abc`, timeoutMs: 5000 }));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(new RegExp(`^request to ${api.url}/x failed: connection`));
    expect(error.message).not.toContain('abc');
  });

  it('a refused connection is transient', async () => {
    const gone = await startServer(() => json(200, {}));
    await gone.close();
    const error = await httpError(client().request({ url: `${gone.url}/x`, timeoutMs: 5000 }));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe(`request to ${gone.url}/x failed: connection refused`);
  });
});
