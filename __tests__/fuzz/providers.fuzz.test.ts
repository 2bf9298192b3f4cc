/**
 * Every provider's status read takes any answer (status, content type, body) and gives a snapshot or a
 * typed error — never a crash, and `succeeded` only when the body really says so in the provider's words.
 * The answers come from an in-memory HttpClient: the parsing and mapping under test are the real ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/config/inputs.ts';
import { parseConfig } from '../../src/config/parse.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { TARGET_STATES, type Snapshot } from '../../src/core/types.ts';
import { HttpError } from '../../src/http/errors.ts';
import type { HttpClient, HttpResponse } from '../../src/http/types.ts';
import { PROVIDERS } from '../../src/providers/index.ts';

const PROVIDER_FUZZ_RUNS = 600;

const STATUSES = [200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 405, 429, 500, 501, 502, 503];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/atom+xml',
  'application/xml',
  'text/html',
  'text/plain',
  '',
];

/** A provider word as it may come: exact, lower case, padded, or any text at all. */
const wordFrom = (words: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...words).map((word) => word.toLowerCase()),
    fc.constantFrom(...words).map((word) => ` ${word}\n`),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(null, 1, true, [], {}),
  );

/** Bodies near the provider's real answers, broken ones, and anything at all. */
function bodies(document: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const text = document.map((value) => JSON.stringify(value) ?? '');
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: text.chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut))) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: text.map((json) => `<!DOCTYPE html><html><body>${json}</body></html>`) },
  );
}

function responses(
  document: fc.Arbitrary<unknown>,
  extraBodies: fc.Arbitrary<string>[] = [],
): fc.Arbitrary<HttpResponse> {
  return fc
    .record({
      // Half the answers are 200, so the mapping of real bodies is met often, not only the error paths.
      status: fc.oneof(fc.constant(200), fc.constantFrom(...STATUSES)),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      body: fc.oneof(bodies(document), ...extraBodies),
      retryAfter: fc.option(fc.oneof(fc.nat(5).map(String), fc.string({ maxLength: 30 })), { nil: undefined }),
    })
    .map(({ status, contentType, body, retryAfter }) => ({
      status,
      contentType,
      body,
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
      },
      setCookies: [],
      url: 'https://provider.example/status',
    }));
}

/** Reads one target with every request answered by `response`. */
async function readWith(inputs: Record<string, string>, response: HttpResponse): Promise<Snapshot> {
  const config = parseConfig((name: InputName) => inputs[name] ?? '');
  const provider = await PROVIDERS[config.provider](config);
  const prepared = provider.prepare(config);
  const [target = ''] = prepared.targets;
  const http: HttpClient = {
    request: async () => ({ ...response, headers: { ...response.headers } }),
    close: async () => {},
  };
  const session = prepared.open({ config, http, log: silentLogger, mask: () => {} });
  return session.read(target, { signal: new AbortController().signal, timeoutMs: 1_000 });
}

/** A snapshot, or an HttpError; returns the snapshot for the provider-specific check. */
async function outcomeOf(inputs: Record<string, string>, response: HttpResponse): Promise<Snapshot | undefined> {
  try {
    const snapshot = await readWith(inputs, response);
    expect(TARGET_STATES).toContain(snapshot.state);
    expect(typeof snapshot.message).toBe('string');
    if (snapshot.progress !== undefined) expect(snapshot.progress >= 0 && snapshot.progress <= 100).toBe(true);
    return snapshot;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return undefined;
  }
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const said = (value: unknown): string => (typeof value === 'string' ? value.trim().toUpperCase() : '');

/**
 * Fuzzes one provider's read; `saysSuccess` is the independent reading of the answer. Also checks that
 * some answers did map to succeeded: a property that never meets a success proves nothing.
 */
async function neverFalseGreen(
  inputs: Record<string, string>,
  answers: fc.Arbitrary<HttpResponse>,
  saysSuccess: (response: HttpResponse) => boolean,
): Promise<void> {
  let succeeded = 0;
  await fc.assert(
    fc.asyncProperty(answers, async (response) => {
      const snapshot = await outcomeOf(inputs, response);
      if (snapshot?.state !== 'succeeded') return;
      succeeded++;
      expect(saysSuccess(response), response.body).toBe(true);
    }),
    { numRuns: PROVIDER_FUZZ_RUNS },
  );
  expect(succeeded).toBeGreaterThan(0);
}

describe('status reads take any answer', () => {
  it('opensearch-flow-framework: succeeded only for a 200 JSON body with state COMPLETED', async () => {
    const status = fc.record(
      {
        workflow_id: fc.string(),
        state: wordFrom(['COMPLETED', 'PROVISIONING', 'FAILED', 'NOT_STARTED']),
        error: fc.option(fc.string()),
        provisioning_progress: fc.oneof(fc.string(), fc.integer(), fc.constant('DONE')),
        resources_created: fc.oneof(fc.constant([]), fc.array(fc.object(), { maxLength: 3 }), fc.string()),
      },
      { requiredKeys: [] },
    );
    await neverFalseGreen(
      { provider: 'opensearch-flow-framework', url: 'https://os.example', id: 'wf' },
      responses(status),
      (response) => response.status === 200 && said(record(parsed(response.body)).state) === 'COMPLETED',
    );
  });

  it('nl-flow: succeeded only for PUBLISHED and GREEN', async () => {
    const service = fc.record(
      { id: fc.string(), desired: fc.integer(), actual: fc.integer(), status: wordFrom(['GREEN', 'RED']) },
      { requiredKeys: [] },
    );
    const anyStatus = fc.record(
      {
        desiredStatus: wordFrom(['PUBLISHED', 'UNPUBLISHED']),
        actualStatus: wordFrom(['GREEN', 'YELLOW', 'ORANGE', 'RED']),
        publishingMode: wordFrom(['SYNC', 'ASYNC']),
        details: fc.oneof(fc.object(), fc.record({ services: fc.array(service, { maxLength: 3 }) })),
      },
      { requiredKeys: [] },
    );
    // Two words must both be right for GREEN: without a share of well-formed answers, success is too rare to meet.
    const published = fc.record({
      desiredStatus: fc.constant('PUBLISHED'),
      actualStatus: fc.constant('GREEN'),
      publishingMode: wordFrom(['SYNC', 'ASYNC']),
      details: fc.record({ services: fc.array(service, { maxLength: 3 }) }),
    });
    const status = fc.oneof(anyStatus, published);
    await neverFalseGreen(
      { provider: 'nl-flow', url: 'https://nl.example', id: 'wf', 'api-key': 'key-123456' },
      responses(status),
      (response) => {
        const body = record(parsed(response.body));
        return said(body.desiredStatus) === 'PUBLISHED' && said(body.actualStatus) === 'GREEN';
      },
    );
  });

  it('installer: succeeded only when status or session.status is a success word', async () => {
    const words = ['running', 'completed', 'failed', 'queued', 'success', 'done'];
    const registration = fc.record(
      { name: fc.string(), status: wordFrom(['registered', 'failed']), error: fc.option(fc.string()) },
      { requiredKeys: [] },
    );
    const session = fc.record(
      {
        id: fc.string(),
        status: wordFrom(words),
        progress: fc.oneof(fc.integer(), fc.string()),
        registrations: fc.array(registration, { maxLength: 3 }),
        logs: fc.array(fc.anything(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    const success = new Set(['COMPLETED', 'SUCCEEDED', 'SUCCESS', 'DONE']);
    await neverFalseGreen(
      { provider: 'installer', url: 'https://zstack.example', token: 'token-123456' },
      responses(fc.record({ status: wordFrom(words), session }, { requiredKeys: [] })),
      (response) => {
        const body = record(parsed(response.body));
        return [said(body.status), said(record(body.session).status)].some((word) => success.has(word));
      },
    );
  });

  it('sap-cloud-integration: succeeded only for a 200 entity with Status STARTED, JSON or XML', async () => {
    const entity = fc.record(
      { Id: fc.string(), Version: fc.string(), Status: wordFrom(['STARTED', 'STARTING', 'ERROR', 'STOPPING']) },
      { requiredKeys: [] },
    );
    const xml = entity.map(
      (properties) =>
        `<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom" xmlns:m="m" xmlns:d="d"><content><m:properties>${Object.entries(
          properties,
        )
          .map(([name, value]) => `<d:${name}>${String(value).replace(/[<&]/g, '')}</d:${name}>`)
          .join('')}</m:properties></content></entry>`,
    );
    const xmlBodies = fc.oneof(
      xml,
      xml.chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
    );
    await neverFalseGreen(
      {
        provider: 'sap-cloud-integration',
        url: 'https://tenant.example',
        id: 'Flow',
        username: 'u',
        password: 'pw-123456',
      },
      responses(
        entity.map((properties) => ({ d: properties })),
        [xmlBodies],
      ),
      (response) => {
        const fromJson = record(record(parsed(response.body)).d).Status;
        const fromXml = /<d:Status>\s*([^<]*?)\s*<\/d:Status>/.exec(response.body)?.[1];
        return response.status === 200 && [said(fromJson), said(fromXml)].includes('STARTED');
      },
    );
  });
});
