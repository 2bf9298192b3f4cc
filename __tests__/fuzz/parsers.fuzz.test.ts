/**
 * The pure parsers behind the providers and the HTTP layer take arbitrary input and return a value or a
 * typed error: OData entities (JSON and XML), SAP error details, service keys, dates, task ids, error
 * statuses, Retry-After and excerpts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { HttpError } from '../../src/http/errors.ts';
import { excerpt, parseJsonBody, responseError, retryAfterMs } from '../../src/http/status.ts';
import type { HttpResponse } from '../../src/http/types.ts';
import { errorDetailsFrom } from '../../src/providers/sap/error-information.ts';
import {
  encodedLiteral,
  entityFromJson,
  entityFromXml,
  parseODataDate,
  taskIdFrom,
} from '../../src/providers/sap/odata.ts';
import { parseServiceKey } from '../../src/providers/sap/settings.ts';
import { buildSnapshot, runtimeSnapshot } from '../../src/providers/sap/states.ts';
import { literal } from '../../sim/sap.ts';

const RUNS = 1_000;
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

const response = (body: string, status = 200, contentType = 'application/json'): HttpResponse => ({
  status,
  body,
  contentType,
  headers: { 'content-type': contentType },
  setCookies: [],
  url: 'https://tenant.example/api/v1/x',
});

/** Runs `work`; a thrown error must be one of `types`. */
function typed<T>(work: () => T, ...types: Array<new (...args: never[]) => Error>): T | undefined {
  try {
    return work();
  } catch (error) {
    expect(
      types.some((type) => error instanceof type),
      String(error),
    ).toBe(true);
    return undefined;
  }
}

describe('SAP OData parsing takes any input', () => {
  it('entityFromJson gives string properties or undefined', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const entity = entityFromJson(value);
        if (entity) for (const property of Object.values(entity)) expect(typeof property).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('entityFromXml never rejects, on any text or broken Atom, but for an Id that is no single text', async () => {
    const atom = fc
      .array(fc.tuple(fc.constantFrom('Status', 'Version', 'Id'), fc.string()), { maxLength: 4 })
      .map(
        (fields) =>
          `<entry><content><m:properties>${fields.map(([n, v]) => `<d:${n}>${v}</d:${n}>`).join('')}</m:properties></content></entry>`,
      );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          atom,
          atom.chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
        ),
        async (text) => {
          let entity: Awaited<ReturnType<typeof entityFromXml>>;
          try {
            entity = await entityFromXml(text);
          } catch (error) {
            // Two <d:Id> (or one holding elements) name no one artifact: a wrong-target error, never a guess.
            expect(error).toMatchObject({
              kind: 'permanent',
              message: expect.stringMatching(/names its (Id|TaskId) with/),
            });
            return;
          }
          if (entity) for (const property of Object.values(entity)) expect(typeof property).toBe('string');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('runtime and build snapshots are succeeded only for STARTED, and never for a build', () => {
    const entity = fc.dictionary(
      fc.constantFrom('Status', 'Version', 'DeployedOn', 'Name', 'Id'),
      fc.oneof(fc.string(), fc.constantFrom('STARTED', 'started ', 'SUCCESS', 'ERROR')),
    );
    fc.assert(
      fc.property(
        entity,
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.integer(), { nil: undefined }),
        (properties, version, notBefore) => {
          const runtime = runtimeSnapshot('Flow', properties, { version, deployedNotBeforeMs: notBefore });
          if (runtime.state === 'succeeded') expect(properties.Status?.trim().toUpperCase()).toBe('STARTED');
          expect(buildSnapshot('task', properties).state).not.toBe('succeeded');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('errorDetailsFrom gives bounded text or undefined', () => {
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.record(
        {
          message: fc.oneof(
            fc.string(),
            fc.record(
              { messageText: fc.string(), parameter: fc.array(fc.anything(), { maxLength: 3 }) },
              { requiredKeys: [] },
            ),
          ),
          childInstances: fc.array(tie('node'), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          tree.map((t) => JSON.stringify(t)),
        ),
        (body) => {
          const details = errorDetailsFrom(body);
          if (details) {
            expect(details.summary.length).toBeLessThanOrEqual(400);
            expect(details.summary).not.toMatch(/\n/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parseODataDate gives a finite number or undefined', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.integer().map((n) => `/Date(${n})/`),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        (text) => {
          const ms = parseODataDate(text);
          expect(ms === undefined || Number.isFinite(ms)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('taskIdFrom gives a non-empty id or a permanent HttpError', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('text/plain', 'application/json', 'text/html'), (body, type) => {
        const id = typed(() => taskIdFrom(response(body, 202, type), 'deploy'), HttpError);
        if (id !== undefined) expect(id.trim()).not.toBe('');
      }),
      { numRuns: RUNS },
    );
  });

  it('an id survives OData quoting and URL encoding exactly, and never leaves its key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (id) => {
        const encoded = encodedLiteral(id);
        expect(encoded).not.toMatch(/[/?#&=\s]/);
        expect(literal(decodeURIComponent(encoded))).toBe(id);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('service keys take any text', () => {
  it('parseServiceKey gives a key or an InputError that quotes nothing of the key', () => {
    const secret = fc.string({ minLength: 8, maxLength: 30 }).map((s) => `S3cr3t-${s}`);
    const key = fc.record(
      {
        clientid: fc.oneof(fc.string(), fc.constant('sb-client')),
        tokenurl: fc.oneof(fc.string(), fc.webUrl()),
        url: fc.oneof(fc.string(), fc.webUrl()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(key, secret, fc.boolean(), fc.nat(200), (fields, clientsecret, wrapped, cut) => {
        const json = JSON.stringify(wrapped ? { oauth: { ...fields, clientsecret } } : { ...fields, clientsecret });
        for (const text of [json, json.slice(0, cut)]) {
          try {
            const parsed = parseServiceKey(text);
            expect(parsed).toMatchObject({ kind: 'oauth', clientSecret: clientsecret });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect((error as Error).message).not.toContain(clientsecret);
            expect((error as Error).message).not.toContain(clientsecret.slice(0, 10));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('HTTP answer helpers take any answer', () => {
  it('responseError is transient exactly for 429 and 5xx but 501, with a one-line message', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        anyText,
        fc.constantFrom('application/json', 'text/html', 'application/xml', ''),
        (status, body, type) => {
          const error = responseError(response(body, status, type), 'reading');
          expect(error).toBeInstanceOf(HttpError);
          expect(error.transient).toBe(status === 429 || (status >= 500 && status !== 501));
          expect(error.message).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parseJsonBody gives the parsed value or a permanent HttpError', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.json()), fc.constantFrom('application/json', 'text/html', ''), (body, type) => {
        typed(() => parseJsonBody(response(body, 200, type), 'status'), HttpError);
      }),
      { numRuns: RUNS },
    );
  });

  it('retryAfterMs gives a non-negative number or undefined', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.oneof(
            anyText,
            fc.integer().map(String),
            fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
          ),
          { nil: undefined },
        ),
        (value) => {
          const ms = retryAfterMs(value, Date.now());
          expect(ms === undefined || (Number.isFinite(ms) && ms >= 0)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('excerpt is one line of at most the given length', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2, max: 300 }), (text, max) => {
        const line = excerpt(text, max);
        expect(line.length).toBeLessThanOrEqual(max);
        expect(line).not.toMatch(/[\r\n]/);
      }),
      { numRuns: RUNS },
    );
  });
});
