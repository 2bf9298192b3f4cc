import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/errors.ts';
import { readTokenAnswer } from '../../../src/providers/sap/token-answer.ts';
import { response } from './support.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.sig';
const CONTEXT = 'requesting an OAuth token from https://auth.example/oauth/token';

function failure(answer: ReturnType<typeof response>, byCertificate = false): HttpError {
  try {
    readTokenAnswer(answer, CONTEXT, byCertificate);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the answer to be refused');
}

describe('readTokenAnswer', () => {
  it('reads the JSON answer and its lifetime', () => {
    expect(
      readTokenAnswer(response(200, JSON.stringify({ access_token: TOKEN, expires_in: 3599 })), CONTEXT, false),
    ).toEqual({ token: TOKEN, lifetimeMs: 3_599_000 });
  });

  it('reads a form-urlencoded answer', () => {
    const body = `access_token=${encodeURIComponent(TOKEN)}&token_type=bearer&expires_in=300`;
    expect(readTokenAnswer(response(200, body, 'application/x-www-form-urlencoded'), CONTEXT, false)).toEqual({
      token: TOKEN,
      lifetimeMs: 300_000,
    });
  });

  it.each([
    ['HTML', response(200, `<html><body>access_token=${TOKEN}</body></html>`, 'text/html'), 'an HTML page'],
    ['JSON without access_token', response(200, JSON.stringify({ token: TOKEN })), 'without access_token'],
    ['plain text', response(200, `your token: ${TOKEN}`, 'text/plain'), 'unreadable answer (content type text/plain)'],
  ])('never quotes a %s answer', (_what, answer, says) => {
    const error = failure(answer);
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain(says);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('c2VjcmV0');
  });

  it('shows a standard OAuth error code, never the rest of an error body', () => {
    const echo = JSON.stringify({
      error: 'invalid_client',
      error_description: 'Basic c2ItY2xpZW50OnNlY3JldA== is bad',
    });
    const error = failure(response(401, echo));
    expect(error.message).toBe(
      `${CONTEXT}: HTTP 401 invalid_client — check the client id and secret, and the token URL`,
    );
    const echoed = failure(response(400, JSON.stringify({ error: 'Basic c2ItY2xpZW50OnNlY3JldA==' })));
    expect(echoed.message).not.toContain('c2ItY2xpZW50');
  });

  it('names the certificate for a refused certificate client', () => {
    expect(failure(response(401, ''), true).message).toContain('client certificate');
  });

  it('retries 5xx and 429 without quoting them', () => {
    const error = failure(
      response(503, `upstream said Basic c2ItY2xpZW50OnNlY3JldA==`, 'text/plain', { 'retry-after': '2' }),
    );
    expect(error).toMatchObject({ kind: 'transient', status: 503, retryAfterMs: 2000 });
    expect(error.message).toBe(`${CONTEXT}: HTTP 503`);
  });
});
