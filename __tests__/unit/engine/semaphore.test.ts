import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../src/engine/semaphore.ts';

const never = new AbortController().signal;

describe('Semaphore', () => {
  it('grants up to the limit, then serves waiters in order as slots are released', async () => {
    const slots = new Semaphore(2);
    const releaseFirst = await slots.acquire(never);
    await slots.acquire(never);
    const granted: string[] = [];
    const grant = (name: string) => (release: () => void) => {
      granted.push(name);
      return release;
    };
    const third = slots.acquire(never).then(grant('third'));
    const fourth = slots.acquire(never).then(grant('fourth'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toEqual([]);
    releaseFirst();
    releaseFirst(); // releasing the same slot twice frees nothing more
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toEqual(['third']);
    (await third)();
    await fourth;
    expect(granted).toEqual(['third', 'fourth']);
  });

  it('stops waiting when the signal aborts, and the slot goes to the next waiter', async () => {
    const slots = new Semaphore(1);
    const release = await slots.acquire(never);
    const controller = new AbortController();
    const abandoned = slots.acquire(controller.signal);
    const next = slots.acquire(never);
    controller.abort(new Error('stop'));
    await expect(abandoned).rejects.toThrow('stop');
    release();
    await expect(next).resolves.toBeTypeOf('function');
  });

  it('hands out a free slot without waiting, and none while all are taken', () => {
    const slots = new Semaphore(1);
    const release = slots.tryAcquire();
    expect(release).toBeTypeOf('function');
    expect(slots.tryAcquire()).toBeUndefined();
    release?.();
    expect(slots.tryAcquire()).toBeTypeOf('function');
  });

  it('refuses at once when the signal has aborted already', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(new Semaphore(1).acquire(controller.signal)).rejects.toThrow('gone');
  });
});
