/**
 * The base of every local simulator: a real HTTP server on 127.0.0.1 that records each
 * request and answers through a handler. Faults (status codes, resets, slow answers, HTML)
 * are replies like any other, so scripted sequences can mix them with provider states.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface RecordedRequest {
  method: string;
  /** path and query exactly as sent (still percent-encoded) */
  url: string;
  /** the path as sent (still percent-encoded), without the query */
  rawPath: string;
  /** the decoded path, without the query */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** ms since the server started */
  at: number;
  /** HTTPS: the SHA-256 fingerprint of the certificate the client presented, if it presented one */
  clientCertificate?: string;
  /** the client closed the connection before it got an answer (it gave up on this request) */
  clientGone(): boolean;
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** wait this long before answering */
  delayMs?: number;
  /** destroy the connection instead of answering */
  reset?: boolean;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface SimServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted so far */
  connections(): number;
  /** the most requests that were being answered at the same time */
  maxInFlight(): number;
  close(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  /** serve HTTPS with these options (key, cert, requestCert…) instead of plain HTTP */
  https?: HttpsOptions;
}

export async function startServer(handler: Handler, options: ServerOptions = {}): Promise<SimServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const serve: Parameters<typeof createServer>[1] = (req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const parsed = new URL(raw, 'http://sim.local');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: raw,
        rawPath: pathOf(raw),
        path: safeDecode(parsed.pathname),
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now() - started,
        clientGone: () => res.destroyed,
      };
      const peer = options.https ? (req.socket as TLSSocket).getPeerCertificate() : undefined;
      if (peer?.fingerprint256) recorded.clientCertificate = peer.fingerprint256;
      requests.push(recorded);
      void Promise.resolve()
        .then(() => handler(recorded))
        .then(async (reply) => {
          if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
          if (reply.reset) {
            req.socket.destroy();
            return;
          }
          if (res.destroyed) return;
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body);
        })
        .catch((error: unknown) => {
          if (res.destroyed) return;
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`simulator error: ${String(error)}`);
        });
    });
  };
  const server: Server = options.https ? createHttpsServer(options.https, serve) : createServer(serve);
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The path of a request URL as sent (still percent-encoded), without the query. */
export const pathOf = (url: string): string => url.split('?')[0] ?? '';

/** Percent-decoded, or as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The `Authorization` header value of HTTP Basic credentials. */
export const basicAuthorization = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

export const text = (status: number, body: string, contentType = 'text/plain'): Reply => ({
  status,
  headers: { 'content-type': contentType },
  body,
});

/** Faults every simulator can play in its sequences. */
export const fault = {
  unavailable: (retryAfterSeconds?: number): Reply => ({
    status: 503,
    headers: {
      'content-type': 'text/plain',
      ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
    },
    body: 'Service Unavailable',
  }),
  tooManyRequests: (retryAfterSeconds = 1): Reply => ({
    status: 429,
    headers: { 'content-type': 'text/plain', 'retry-after': String(retryAfterSeconds) },
    body: 'Too Many Requests',
  }),
  reset: (): Reply => ({ status: 0, reset: true }),
  slow: (delayMs: number, reply: Reply): Reply => ({ ...reply, delayMs }),
  htmlLogin: (): Reply =>
    text(
      200,
      '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>',
      'text/html',
    ),
};

/** Plays the steps in order, one per call, then keeps answering with the last one. */
export function sequence<T>(steps: readonly T[]): () => T {
  if (steps.length === 0) throw new Error('sequence needs at least one step');
  let next = 0;
  return () => steps[Math.min(next++, steps.length - 1)] as T;
}

/**
 * One player per target id, created on the target's first request from the scenario named for that
 * id in `overrides` (or the default); `create` answers undefined for a scenario it does not know.
 */
export function perTarget<T>(
  defaultScenario: string,
  overrides: Readonly<Record<string, string>> | undefined,
  create: (scenario: string, id: string) => T | undefined,
): (id: string) => T {
  const players = new Map<string, T>();
  return (id) => {
    let player = players.get(id);
    if (player === undefined) {
      const scenario = overrides?.[id] ?? defaultScenario;
      player = create(scenario, id);
      if (player === undefined) throw new Error(`unknown scenario '${scenario}'`);
      players.set(id, player);
    }
    return player;
  };
}

/** One scripted sequence per target id (see `perTarget`), played step by step. */
export function perTargetSequences(
  defaultScenario: string,
  overrides: Readonly<Record<string, string>> | undefined,
  script: (scenario: string, id: string) => readonly Reply[] | undefined,
): (id: string) => Reply {
  const playFor = perTarget(defaultScenario, overrides, (scenario, id) => {
    const steps = script(scenario, id);
    return steps && sequence(steps);
  });
  return (id) => playFor(id)();
}
