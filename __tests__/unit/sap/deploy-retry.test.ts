import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/http/errors.ts';
import { deployIsRepeatable } from '../../../src/providers/sap/deploy-retry.ts';

const answered = (status: number): HttpError => new HttpError(`HTTP ${status}`, { kind: 'transient', status });
const network = (code: string): HttpError => {
  const socket = Object.assign(new Error('socket'), { code });
  const undici = Object.assign(new Error('fetch failed', { cause: socket }), { code: 'UND_ERR_SOCKET' });
  return new HttpError(`request failed: ${code}`, {
    kind: 'transient',
    cause: code === 'UND_ERR_SOCKET' ? undici : socket,
  });
};

describe('deployIsRepeatable', () => {
  it.each([502, 503, 504])('sends a deploy answered %i by a gateway again', (status) => {
    expect(deployIsRepeatable(answered(status))).toBe(true);
  });

  it.each([500, 429, 400, 401, 403, 404])('does not send a deploy answered %i again', (status) => {
    expect(deployIsRepeatable(answered(status))).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    'sends a deploy refused before it was sent (%s) again',
    (code) => {
      expect(deployIsRepeatable(network(code))).toBe(true);
    },
  );

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('does not send a deploy lost after sending (%s) again', (code) => {
    expect(deployIsRepeatable(network(code))).toBe(false);
  });

  it('does not send a deploy again after a request timeout', () => {
    expect(deployIsRepeatable(new HttpError('request timed out after 2s', { kind: 'transient' }))).toBe(false);
  });
});
