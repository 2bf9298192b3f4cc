import { describe, expect, it } from 'vitest';
import { SharedValue, type Fetched } from '../../../src/providers/sap/shared-value.ts';

const CALL = { signal: new AbortController().signal, timeoutMs: 1000 };

function counter(expiresInMs?: number, now = { ms: 0 }) {
  let fetches = 0;
  const value = new SharedValue<string>(
    async (): Promise<Fetched<string>> => {
      fetches += 1;
      return { value: `v${fetches}`, expiresAtMs: expiresInMs === undefined ? undefined : now.ms + expiresInMs };
    },
    () => now.ms,
  );
  return { value, fetches: () => fetches, now };
}

describe('SharedValue', () => {
  it('fetches once for concurrent callers', async () => {
    const { value, fetches } = counter();
    expect(await Promise.all([value.get(CALL), value.get(CALL), value.get(CALL)])).toEqual(['v1', 'v1', 'v1']);
    expect(fetches()).toBe(1);
  });

  it('fetches again when the value expired', async () => {
    const { value, now } = counter(1000);
    expect(await value.get(CALL)).toBe('v1');
    now.ms = 999;
    expect(await value.get(CALL)).toBe('v1');
    expect(value.peek()).toBe('v1');
    now.ms = 1000;
    expect(value.peek()).toBeUndefined();
    expect(await value.get(CALL)).toBe('v2');
  });

  it('fetches again after a discard, once, and ignores a discard of an old value', async () => {
    const { value, fetches } = counter();
    const first = await value.get(CALL);
    value.discard(first);
    value.discard(first);
    expect(await Promise.all([value.get(CALL), value.get(CALL)])).toEqual(['v2', 'v2']);
    value.discard(first);
    expect(await value.get(CALL)).toBe('v2');
    expect(fetches()).toBe(2);
  });

  it('does not keep a failed fetch', async () => {
    let attempt = 0;
    const value = new SharedValue<string>(
      async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('down');
        return { value: 'ok' };
      },
      () => 0,
    );
    await expect(value.get(CALL)).rejects.toThrow('down');
    expect(await value.get(CALL)).toBe('ok');
  });
});
