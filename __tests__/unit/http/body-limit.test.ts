import { describe, expect, it } from 'vitest';
import { text } from '../../../sim/server.ts';
import { httpError, httpHarness } from './harness.ts';
import { startStreamingServer } from './servers.ts';

const MiB = 1024 * 1024;
const { server, client, track } = httpHarness();

/** Heap plus buffers: what a client that buffered the body would fill. */
const memoryInUse = (): number => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

describe('response body limit', () => {
  it('stops reading a 50 MB body past the default 8 MiB: permanent error, memory stays bounded', async () => {
    const big = track(await startStreamingServer(50 * MiB));
    const before = memoryInUse();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryInUse())), 5);

    const error = await httpError(client().request({ url: `${big.url}/export`, timeoutMs: 30_000 }));
    clearInterval(sampler);
    peak = Math.max(peak, memoryInUse());

    expect(error.kind).toBe('permanent');
    expect(error.status).toBe(200);
    expect(error.message).toBe(`response body exceeds 8 MiB (from ${big.url}/export)`);
    // The connection was closed instead of draining the rest.
    expect(big.written()).toBeLessThan(30 * MiB);
    expect(peak - before).toBeLessThan(40 * MiB);
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const exact = await server((request) => text(200, 'y'.repeat(request.path === '/exact' ? MiB : MiB + 1)));
    const http = client({ maxBodyBytes: MiB });

    const response = await http.request({ url: `${exact.url}/exact`, timeoutMs: 10_000 });
    expect(response.body).toHaveLength(MiB);
    await expect(http.request({ url: `${exact.url}/over`, timeoutMs: 10_000 })).rejects.toThrow(
      /^response body exceeds 1 MiB/,
    );
  });
});
