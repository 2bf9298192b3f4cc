/**
 * No false green on answers outside the documented shapes: each field of a provider's documented answer
 * is, at random, a documented word or any JSON at all (numbers, objects, lists, deep nesting), with extra
 * fields around it. Whatever comes, `succeeded` needs the documented success words in the documented types,
 * and an identity field that names this target (or is absent). The oracle below reads the answer on its
 * own; it shares no code with the providers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/config/inputs.ts';
import { parseConfig } from '../../src/config/parse.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Snapshot } from '../../src/core/types.ts';
import { HttpError } from '../../src/http/errors.ts';
import type { HttpClient } from '../../src/http/types.ts';
import { PROVIDERS } from '../../src/providers/index.ts';

const RUNS = 400;
const TARGET = 'wf-7';

/** Any JSON value, a little nested. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A documented word (in any case, padded), or any JSON at all in its place. */
const wordOr = (words: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom(...words).map((word) => ` ${word.toLowerCase()} `) },
    { weight: 2, arbitrary: anyJson },
  );

/** The documented fields, each present or not, plus unknown fields around them. */
function around(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 6 }), anyJson, { maxKeys: 2 }))
    .map(([documented, extra]) => ({ ...extra, ...documented }));
}

/** An identity field: this target's id, another one, empty, or any JSON. */
const identity = fc.oneof(
  fc.constant(TARGET),
  fc.constant(` ${TARGET} `),
  fc.constant(''),
  fc.constant('wf-8'),
  anyJson,
);

async function read(inputs: Record<string, string>, body: unknown): Promise<Snapshot | undefined> {
  const config = parseConfig((name: InputName) => inputs[name] ?? '');
  const prepared = (await PROVIDERS[config.provider](config)).prepare(config);
  const http: HttpClient = {
    request: async (request) => ({
      status: 200,
      contentType: 'application/json',
      headers: { 'content-type': 'application/json' },
      setCookies: [],
      body: JSON.stringify(body),
      url: String(request.url),
    }),
    close: async () => {},
  };
  const session = prepared.open({ config, http, log: silentLogger, mask: () => {} });
  try {
    return await session.read(prepared.targets[0] ?? '', { signal: new AbortController().signal, timeoutMs: 1_000 });
  } catch (error) {
    // An unreadable answer is an error, never a crash of another kind.
    expect(error).toBeInstanceOf(HttpError);
    return undefined;
  }
}

async function neverGreenUnless(
  inputs: Record<string, string>,
  answers: fc.Arbitrary<unknown>,
  documentedSuccess: (body: unknown) => boolean,
): Promise<void> {
  let succeeded = 0;
  await fc.assert(
    fc.asyncProperty(answers, async (body) => {
      const snapshot = await read(inputs, body);
      if (snapshot?.state !== 'succeeded') return;
      succeeded++;
      expect(documentedSuccess(body), JSON.stringify(body)).toBe(true);
    }),
    { numRuns: RUNS },
  );
  // A property that never meets a success proves nothing.
  expect(succeeded).toBeGreaterThan(0);
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
/** Not given: missing, null, or blank text. */
const absent = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const isWord = (value: unknown, words: readonly string[]): boolean =>
  typeof value === 'string' && words.includes(value.trim().toUpperCase());
/** Absent, or a string naming this target (blank names none). */
const namesTarget = (value: unknown): boolean =>
  value === undefined || (typeof value === 'string' && ['', TARGET].includes(value.trim()));

describe('no false green outside the documented shapes', () => {
  it('opensearch-flow-framework: COMPLETED, and workflow_id absent or this id', async () => {
    const status = around({
      workflow_id: identity,
      state: wordOr(['COMPLETED', 'PROVISIONING', 'FAILED', 'NOT_STARTED']),
      error: fc.oneof(fc.string(), anyJson),
      provisioning_progress: anyJson,
      resources_created: fc.oneof(fc.array(around({ workflow_step_id: anyJson, resource_id: anyJson })), anyJson),
    });
    await neverGreenUnless(
      { provider: 'opensearch-flow-framework', url: 'https://os.example', id: TARGET },
      fc.oneof({ weight: 9, arbitrary: status }, { weight: 1, arbitrary: anyJson }),
      (body) => isWord(record(body)?.state, ['COMPLETED']) && namesTarget(record(body)?.workflow_id),
    );
  });

  it('installer: every status given is a success word and a string, the session an object, no registration error', async () => {
    const words = ['completed', 'success', 'done', 'succeeded', 'running', 'failed', 'idle'];
    const registration = around({
      name: fc.string(),
      status: wordOr(['registered', 'failed', 'pending']),
      registeredAt: fc.oneof(fc.constant('2026-01-15T08:00:00Z'), anyJson),
      error: fc.oneof(fc.constant(''), fc.constant('connection timeout'), anyJson),
    });
    const session = around({
      id: fc.string(),
      status: wordOr(words),
      progress: anyJson,
      registrations: fc.oneof(
        { weight: 3, arbitrary: fc.array(registration, { maxLength: 3 }) },
        { weight: 1, arbitrary: anyJson },
      ),
      logs: anyJson,
    });
    const status = around({
      status: wordOr(words),
      session: fc.oneof({ weight: 4, arbitrary: session }, { weight: 1, arbitrary: anyJson }),
    });
    const success = ['COMPLETED', 'SUCCESS', 'DONE', 'SUCCEEDED'];
    await neverGreenUnless(
      { provider: 'installer', url: 'https://zstack.example', token: 'token-123456' },
      status,
      (body) => {
        const top = record(body)?.status;
        const sessionValue = record(body)?.session;
        if (!absent(sessionValue) && record(sessionValue) === undefined) return false;
        const inner = record(sessionValue) ?? {};
        const words = [top, inner.status].filter((word) => !absent(word));
        if (words.length === 0 || !words.every((word) => isWord(word, success))) return false;
        const registrations = Array.isArray(inner.registrations) ? inner.registrations : [];
        return registrations.every((entry) => {
          const fields = record(entry);
          if (!fields) return true;
          const error = fields.error;
          const noError = absent(error) || error === false;
          return noError && (absent(fields.status) || typeof fields.status === 'string');
        });
      },
    );
  });

  it('sap-cloud-integration: Status STARTED, and Id absent or this artifact', async () => {
    const entity = around({
      Id: identity,
      Version: fc.oneof(fc.constant('1.0.0'), anyJson),
      Status: wordOr(['STARTED', 'STARTING', 'ERROR']),
      DeployedOn: anyJson,
    });
    await neverGreenUnless(
      {
        provider: 'sap-cloud-integration',
        url: 'https://tenant.example',
        id: TARGET,
        username: 'u',
        password: 'pw-123456',
      },
      fc.oneof({ weight: 9, arbitrary: entity.map((d) => ({ d })) }, { weight: 1, arbitrary: anyJson }),
      (body) => {
        const d = record(record(body)?.d);
        return isWord(d?.Status, ['STARTED']) && namesTarget(d?.Id);
      },
    );
  });

  it('nl-flow: PUBLISHED and GREEN, as strings', async () => {
    const published = fc.record({ desiredStatus: fc.constant('PUBLISHED'), actualStatus: fc.constant('GREEN') });
    const status = around({
      desiredStatus: wordOr(['PUBLISHED', 'UNPUBLISHED']),
      actualStatus: wordOr(['GREEN', 'YELLOW', 'RED']),
      publishingMode: wordOr(['SYNC', 'ASYNC']),
      details: anyJson,
    });
    await neverGreenUnless(
      { provider: 'nl-flow', url: 'https://nl.example', id: TARGET, 'api-key': 'key-123456' },
      fc.oneof(
        status,
        fc.tuple(published, status).map(([words, rest]) => ({ ...rest, ...words })),
      ),
      (body) => isWord(record(body)?.desiredStatus, ['PUBLISHED']) && isWord(record(body)?.actualStatus, ['GREEN']),
    );
  });
});
