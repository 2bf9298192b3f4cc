import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/config/inputs.ts';
import { INPUT } from '../../src/config/inputs.ts';
import { parseConfig } from '../../src/config/parse.ts';
import { parseDuration, parseHeaders, parseIdList } from '../../src/config/values.ts';
import { InputError } from '../../src/core/errors.ts';

const FUZZ_RUNS = 2_000;
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('input parsers take any text', () => {
  it('parseDuration gives a non-negative integer or undefined, never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const ms = parseDuration(text);
        expect(ms === undefined || (Number.isInteger(ms) && ms >= 0)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseDuration reads back what it is given in units', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999), (h, m, s, ms) => {
        expect(parseDuration(`${h}h${m}m${s}s${ms}ms`)).toBe(((h * 60 + m) * 60 + s) * 1000 + ms);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseIdList gives unique, trimmed, non-empty ids without separators', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const ids = parseIdList(text);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(id).toBe(id.trim());
          expect(id).not.toBe('');
          expect(id).not.toMatch(/[\n,]/);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseHeaders gives headers without control characters, or an error that never contains a value', () => {
    // Values mix plain text with the control characters a header must not carry.
    const valueText = fc.string({
      unit: fc.oneof(
        { weight: 9, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.constantFrom('\0', '\r') },
      ),
    });
    const headerLine = fc.tuple(fc.stringMatching(/^[A-Za-z][\w-]{0,15}$/), valueText).map(([n, v]) => `${n}: ${v}`);
    // Half the runs are header lines, so that some are accepted and the value check is reached.
    const text = fc.oneof(
      anyText,
      fc.array(headerLine, { maxLength: 4 }).map((lines) => lines.join('\n')),
    );
    const secret = valueText.map((s) => `SECRET-${s}`);
    let accepted = 0;
    fc.assert(
      fc.property(text, secret, (before, secretValue) => {
        const result = parseHeaders(`${before}\nX-Key: ${secretValue}`);
        if ('error' in result) {
          expect(result.error).not.toContain(secretValue);
        } else {
          accepted++;
          for (const value of Object.values(result.headers)) expect(value).not.toMatch(/[\r\n\0]/);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('parseConfig takes any inputs', () => {
  const names = Object.values(INPUT);
  it('returns a config or throws an InputError naming a real input', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), anyText),
        fc.constantFrom('opensearch-flow-framework', 'nl-flow', 'installer', 'sap-cloud-integration'),
        (inputs, provider) => {
          const read = (name: InputName): string => (name === INPUT.provider ? provider : (inputs[name] ?? ''));
          try {
            const config = parseConfig(read);
            expect(config.wait.timeoutMs).toBeGreaterThan(0);
            expect(config.wait.maxIntervalMs).toBeGreaterThanOrEqual(config.wait.intervalMs);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect(names).toContain((error as InputError).input);
            expect((error as InputError).message).toContain(`'${(error as InputError).input}'`);
          }
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
