import { afterEach, expect } from 'vitest';
import { startServer, type Handler, type SimServer } from '../../../sim/server.ts';
import { createHttpClient, type HttpClientOptions } from '../../../src/http/client.ts';
import { HttpError } from '../../../src/http/errors.ts';
import type { HttpClient } from '../../../src/http/types.ts';

interface Closable {
  close(): Promise<void>;
}

/** Servers and clients that are closed after each test of the file that calls this. */
export function httpHarness() {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  const track = <T extends Closable>(item: T): T => {
    open.push(item);
    return item;
  };
  return {
    track,
    server: async (handler: Handler): Promise<SimServer> => track(await startServer(handler)),
    client: (options: HttpClientOptions = {}): HttpClient => track(createHttpClient(options)),
  };
}

/** What the promise rejected with; fails the test when it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}

export async function httpError(promise: Promise<unknown>): Promise<HttpError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}
