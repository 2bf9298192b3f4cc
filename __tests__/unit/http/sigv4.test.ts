/**
 * The action's SigV4 signer (aws4) against the simulator's verifier, which is written from AWS's documented
 * algorithm with node:crypto alone; the verifier itself is checked against AWS's own test vector first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifySigV4, type SigV4Expectation } from '../../../sim/opensearch/sigv4.ts';
import { json, startServer, type RecordedRequest, type SimServer } from '../../../sim/server.ts';
import { createHttpClient } from '../../../src/http/client.ts';
import { createSigV4Signer } from '../../../src/http/sigv4.ts';

const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE-session-token//+=',
};

let server: SimServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the verifier', () => {
  it("accepts AWS's get-vanilla example (aws-sig-v4-test-suite) and refuses it with another key", () => {
    const request: RecordedRequest = {
      method: 'GET',
      url: '/',
      rawPath: '/',
      path: '/',
      query: new URLSearchParams(),
      clientGone: () => false,
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
      body: '',
      at: 0,
    };
    const expected: SigV4Expectation = {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      service: 'service',
      maxSkewMs: Number.POSITIVE_INFINITY,
    };
    expect(verifySigV4(request, expected)).toBeUndefined();
    expect(verifySigV4(request, { ...expected, secretAccessKey: 'another' })?.status).toBe(403);
  });
});

describe('SigV4 signing', () => {
  async function serve(expected: SigV4Expectation) {
    const seen: RecordedRequest[] = [];
    server = await startServer((request) => {
      seen.push(request);
      return verifySigV4(request, expected) ?? json(200, { ok: true });
    });
    return seen;
  }

  it.each(['es', 'aoss'] as const)(
    'signs method, path, query, headers, body and session token for %s',
    async (service) => {
      const expected = { ...CREDENTIALS, region: 'eu-west-1', service };
      const seen = await serve(expected);
      const origin = server?.url ?? '';
      const http = createHttpClient({
        extraHeaders: { 'x-tenant-id': 'team a' },
        sign: createSigV4Signer({ region: 'eu-west-1', service, credentials: CREDENTIALS, origin }),
      });
      const get = await http.request({
        url: `${origin}/_plugins/_flow_framework/workflow/wf%201/_status?all=true&b=x%20y`,
        timeoutMs: 5_000,
      });
      const post = await http.request({
        method: 'PUT',
        url: `${origin}/_plugins/_flow_framework/workflow/wf-1?reprovision=true`,
        headers: { 'content-type': 'application/json' },
        body: '{"name":"ü semantic"}',
        timeoutMs: 5_000,
      });
      await http.close();
      expect([get.status, post.status]).toEqual([200, 200]);
      expect(seen[1]?.headers).toMatchObject({
        'x-amz-security-token': CREDENTIALS.sessionToken,
        'x-tenant-id': 'team a',
      });
      expect(seen[1]?.headers.authorization).toMatch(/SignedHeaders=[^,]*x-tenant-id/);
    },
  );

  it('a wrong secret key is refused by the verifier (the test can fail)', async () => {
    await serve({ ...CREDENTIALS, region: 'eu-west-1', service: 'es' });
    const origin = server?.url ?? '';
    const http = createHttpClient({
      sign: createSigV4Signer({
        region: 'eu-west-1',
        service: 'es',
        credentials: { ...CREDENTIALS, secretAccessKey: 'not-the-key' },
        origin,
      }),
    });
    const answer = await http.request({ url: `${origin}/x`, timeoutMs: 5_000 });
    await http.close();
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('signature we calculated does not match');
  });

  it('signs nothing for another origin: no signature, no session token', async () => {
    const seen = await serve({ ...CREDENTIALS, region: 'eu-west-1', service: 'es' });
    const origin = server?.url ?? '';
    const http = createHttpClient({
      sign: createSigV4Signer({
        region: 'eu-west-1',
        service: 'es',
        credentials: CREDENTIALS,
        origin: 'https://elsewhere.example',
      }),
    });
    await http.request({ url: `${origin}/x`, timeoutMs: 5_000 });
    await http.close();
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers['x-amz-security-token']).toBeUndefined();
  });
});
