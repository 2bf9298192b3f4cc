import type { CallOptions } from '../types.js';

export interface Fetched<T> {
  value: T;
  /** epoch ms after which the value must be fetched again; never when absent */
  expiresAtMs?: number;
}

/**
 * One value (an access token, a CSRF token) fetched once for all concurrent callers, and again when it
 * expires or the server refuses it. Several targets start at once: they must not each fetch a token.
 */
export class SharedValue<T> {
  private pending: Promise<Fetched<T>> | undefined;
  private settled: Fetched<T> | undefined;

  constructor(
    private readonly fetch: (options: CallOptions) => Promise<Fetched<T>>,
    private readonly now: () => number,
  ) {}

  async get(options: CallOptions): Promise<T> {
    if (this.settled && this.now() >= (this.settled.expiresAtMs ?? Infinity)) this.clear();
    if (!this.pending) {
      const pending = this.fetch(options);
      this.pending = pending;
      pending.then(
        (fetched) => {
          if (this.pending === pending) this.settled = fetched;
        },
        () => {
          // A failed fetch is not kept: the next call tries again.
          if (this.pending === pending) this.pending = undefined;
        },
      );
    }
    return (await this.pending).value;
  }

  /** The current value without fetching one; undefined when none was fetched or it expired. */
  peek(): T | undefined {
    const { settled } = this;
    return settled && this.now() < (settled.expiresAtMs ?? Infinity) ? settled.value : undefined;
  }

  /** The server refused `value`: the next `get` fetches a new one, unless a newer one is already there. */
  discard(value: T): void {
    if (this.settled?.value === value) this.clear();
  }

  private clear(): void {
    this.pending = undefined;
    this.settled = undefined;
  }
}
