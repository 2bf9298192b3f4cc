import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/errors.ts';
import {
  assertNotHtml,
  assertSameTarget,
  assertStatus,
  excerpt,
  parseJsonBody,
  responseError,
  retryAfterMs,
} from '../../../src/http/status.ts';
import type { HttpResponse } from '../../../src/http/types.ts';

function response(status: number, body = '', contentType = '', headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    body,
    contentType,
    headers: contentType ? { 'content-type': contentType, ...headers } : headers,
    setCookies: [],
    url: 'https://api.example.com/thing',
  };
}

function thrown(action: () => unknown): HttpError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected an HttpError');
}

describe('assertStatus', () => {
  it('accepts an API answer with an accepted status', () => {
    expect(() => assertStatus(response(202, 'task-1', 'text/plain'), [200, 202], 'deploying')).not.toThrow();
  });

  it('refuses a login page with an accepted status, permanently', () => {
    expect(() =>
      assertStatus(response(200, '<!doctype html><html></html>', 'text/html'), [200], 'reading'),
    ).toThrowError(
      expect.objectContaining({ kind: 'permanent', message: expect.stringContaining('got an HTML page') }),
    );
  });

  it("judges any other answer by its status first: a proxy's HTML 503 stays worth a retry", () => {
    const proxyPage = response(503, '<html><body>Service Unavailable</body></html>', 'text/html', {
      'retry-after': '7',
    });
    expect(() => assertStatus(proxyPage, [200], 'reading')).toThrowError(
      expect.objectContaining({ kind: 'transient', status: 503, retryAfterMs: 7000 }),
    );
    expect(() => assertStatus(response(404, '{"error":"gone"}', 'application/json'), [200], 'reading')).toThrowError(
      expect.objectContaining({ kind: 'permanent', status: 404 }),
    );
  });
});

describe('assertSameTarget', () => {
  it('accepts an answer about the target, or one that does not say', () => {
    for (const answered of ['wf-1', ' wf-1 ', undefined, '']) {
      expect(() => assertSameTarget(answered, 'wf-1', 'workflow', 'status of workflow wf-1')).not.toThrow();
    }
  });

  it('refuses an identity that is there but no string: it names no target of this run', () => {
    for (const answered of [null, 42, {}, ['wf-1'], true]) {
      expect(() => assertSameTarget(answered, 'wf-1', 'workflow', 'status of workflow wf-1')).toThrowError(
        expect.objectContaining({ kind: 'permanent', message: expect.stringMatching(/names its workflow with/) }),
      );
    }
  });

  it('refuses an answer about another target, permanently', () => {
    expect(() => assertSameTarget('WF-1', 'wf-1', 'workflow', 'status of workflow wf-1')).toThrowError(
      expect.objectContaining({
        kind: 'permanent',
        message:
          "status of workflow wf-1: the answer is about workflow 'WF-1', not 'wf-1' — check url and any proxy or cache in between",
      }),
    );
  });
});

describe('responseError', () => {
  it.each([
    [400, 'permanent', 'HTTP 400 (the provider refused the request)'],
    [401, 'permanent', 'HTTP 401 (check the credentials)'],
    [403, 'permanent', 'HTTP 403 (check the credentials)'],
    [404, 'permanent', 'HTTP 404 (check url and id)'],
    [405, 'permanent', 'HTTP 405 (check url: this endpoint does not take this request)'],
    [409, 'permanent', 'HTTP 409'],
    [422, 'permanent', 'HTTP 422'],
    [429, 'transient', 'HTTP 429'],
    [500, 'transient', 'HTTP 500'],
    [501, 'permanent', 'HTTP 501 (check url: this endpoint does not take this request)'],
    [502, 'transient', 'HTTP 502'],
    [503, 'transient', 'HTTP 503'],
    [504, 'transient', 'HTTP 504'],
    [302, 'permanent', 'HTTP 302'],
  ])('%i is %s: "%s"', (status, kind, text) => {
    const error = responseError(response(status), 'reading flow A');
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`reading flow A: ${text}`);
  });

  it('carries Retry-After on transient errors only', () => {
    expect(responseError(response(429, '', '', { 'retry-after': '7' }), 'x').retryAfterMs).toBe(7000);
    expect(responseError(response(503, '', '', { 'retry-after': '0' }), 'x').retryAfterMs).toBe(0);
    expect(responseError(response(500), 'x').retryAfterMs).toBeUndefined();
    expect(responseError(response(403, '', '', { 'retry-after': '7' }), 'x').retryAfterMs).toBeUndefined();
  });

  it.each([
    ['{"error":"Fail to find workflow status of abc"}', 'Fail to find workflow status of abc'],
    [
      '{"error":{"root_cause":[],"type":"security_exception","reason":"no permissions for [cluster:admin]"},"status":403}',
      'no permissions for [cluster:admin]',
    ],
    [
      '{"error":{"code":"Not Found","message":{"lang":"en","value":"Requested entity could not be found."}}}',
      'Requested entity could not be found.',
    ],
    ['{"error":{"message":"token expired"}}', 'token expired'],
    ['{"message":"Invalid API key","statusCode":401}', 'Invalid API key'],
    [
      '<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>Forbidden</code><message xml:lang="en">User &apos;x&apos; lacks role &lt;Deploy&gt;</message></error>',
      "User 'x' lacks role <Deploy>",
    ],
    ['<m:error><m:code/><m:message xml:lang="en">Artifact is locked</m:message></m:error>', 'Artifact is locked'],
    [
      'upstream connect error\n  or disconnect/reset before headers',
      'upstream connect error or disconnect/reset before headers',
    ],
    ['{"unexpected":"shape"}', '{"unexpected":"shape"}'],
  ])('takes the excerpt from %s', (body, said) => {
    const error = responseError(response(400, body), 'ctx');
    expect(error.excerpt).toBe(said);
    expect(error.message).toBe(`ctx: HTTP 400 (the provider refused the request): ${said}`);
  });

  it('reduces an HTML page to "an HTML page"', () => {
    const byType = responseError(response(502, '<h1>Bad gateway</h1><p>nginx</p>', 'text/html'), 'ctx');
    const byContent = responseError(response(401, '\n  <!DOCTYPE html><html><body>Sign in</body></html>'), 'ctx');
    expect(byType.message).toBe('ctx: HTTP 502: an HTML page');
    expect(byContent.message).toBe('ctx: HTTP 401 (check the credentials): an HTML page');
  });

  it('keeps long bodies to one short line', () => {
    const error = responseError(response(500, `${'word '.repeat(200)}`), 'ctx');
    expect(error.excerpt).toHaveLength(200);
    expect(error.excerpt?.endsWith('…')).toBe(true);
  });

  it('says nothing about a blank body', () => {
    expect(responseError(response(401, '  \n'), 'ctx').message).toBe('ctx: HTTP 401 (check the credentials)');
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    ['120', 120_000],
    [' 3 ', 3000],
    ['0', 0],
    ['-5', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Saturday, 01-Mar-25 12:01:00 GMT', 60_000],
    ['Sat Mar  1 12:00:10 2025', 10_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
  ])('%j → %i ms', (value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });

  it.each([undefined, '', 'soon', '12abc', '1.5', 'Sat, 99 Foo 2025 12:00:00 GMT'])('%j → undefined', (value) => {
    expect(retryAfterMs(value, now)).toBeUndefined();
  });
});

describe('assertNotHtml', () => {
  it.each([
    ['text/html', '{"ok":true}'],
    ['application/xhtml+xml', ''],
    ['application/json', '  \n<!doctype html><html></html>'],
    ['', '<HTML><body>proxy error</body></HTML>'],
  ])('refuses %j with body %j', (contentType, body) => {
    const error = thrown(() => assertNotHtml(response(200, body, contentType), 'status of flow A'));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(
      'status of flow A: got an HTML page — check url and credentials (a login page or proxy answered instead of the API)',
    );
  });

  it.each([
    ['application/json', '{"html":"<html>"}'],
    ['application/xml', '<?xml version="1.0"?><feed/>'],
    ['text/plain', 'the word <html> later in the text'],
  ])('lets %j through', (contentType, body) => {
    expect(() => assertNotHtml(response(200, body, contentType), 'ctx')).not.toThrow();
  });
});

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody<{ state: string }>(response(200, '{"state":"COMPLETED"}'), 'ctx')).toEqual({
      state: 'COMPLETED',
    });
  });

  it.each(['', '  \n\t'])('refuses the empty body %j as permanent', (body) => {
    const error = thrown(() => parseJsonBody(response(200, body, 'application/json'), 'status of w1'));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe('status of w1: empty body (HTTP 200)');
  });

  it('refuses unreadable JSON with a short excerpt', () => {
    const error = thrown(() => parseJsonBody(response(200, `{"state": COMPL\n${'x'.repeat(500)}`), 'status of w1'));
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/^status of w1: unreadable JSON \(HTTP 200\): \{"state": COMPL x+…$/);
    expect(error.message.length).toBeLessThan(160);
  });

  it('refuses an HTML page before trying to parse it', () => {
    expect(thrown(() => parseJsonBody(response(200, '<html></html>', 'text/html'), 'ctx')).message).toMatch(
      /got an HTML page/,
    );
  });
});

describe('excerpt', () => {
  it('collapses whitespace to one trimmed line', () => {
    expect(excerpt('  a\n\tb   c \r\n')).toBe('a b c');
  });

  it('cuts at max with an ellipsis, the ellipsis included', () => {
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('abcde', 5)).toBe('abcde');
  });

  it('does not leave a space before the ellipsis', () => {
    expect(excerpt('abc def', 5)).toBe('abc…');
  });
});
