import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/errors.ts';
import { nothingWasDone } from '../../../src/http/repeatable.ts';

const answered = (status: number): HttpError => new HttpError(`HTTP ${status}`, { kind: 'transient', status });
const network = (code: string): HttpError => {
  const socket = Object.assign(new Error('socket'), { code });
  const undici = Object.assign(new Error('fetch failed', { cause: socket }), { code: 'UND_ERR_SOCKET' });
  return new HttpError(`request failed: ${code}`, {
    kind: 'transient',
    cause: code === 'UND_ERR_SOCKET' ? undici : socket,
  });
};

describe('nothingWasDone', () => {
  it.each([502, 503, 504])('sends a deploy answered %i by a gateway again', (status) => {
    expect(nothingWasDone(answered(status))).toBe(true);
  });

  it.each([500, 429, 400, 401, 403, 404])('does not send a deploy answered %i again', (status) => {
    expect(nothingWasDone(answered(status))).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    'sends a deploy refused before it was sent (%s) again',
    (code) => {
      expect(nothingWasDone(network(code))).toBe(true);
    },
  );

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('does not send a deploy lost after sending (%s) again', (code) => {
    expect(nothingWasDone(network(code))).toBe(false);
  });

  it('does not send a deploy again after a request timeout', () => {
    expect(nothingWasDone(new HttpError('request timed out after 2s', { kind: 'transient' }))).toBe(false);
  });
});
