/**
 * A fault-injecting reverse proxy for any simulator: on 127.0.0.1, in front of `upstream`, it replaces a
 * seeded share of the answers with a fault and records every request, the fault it got (if any) and which
 * upstream answer it carried, so a test can tell what the gate was really shown.
 * Every answer carries `x-fault-event: <index into events>`.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fault as faultReply, pathOf, text, type Reply } from './server.ts';

/** Retried by a gate: 5xx, 429, resets, answers slower than the request timeout, stale answers. */
export const TRANSIENT_FAULTS = [
  'server-error',
  'unavailable-retry-after',
  'too-many-requests',
  'reset',
  'slow',
  'flap',
] as const;
/** End a gate's wait with `error`: nothing readable came, and asking again would not help. */
export const PERMANENT_FAULTS = ['truncated', 'malformed', 'html', 'empty', 'huge'] as const;
/**
 * The only faults a request that starts a deploy gets: a POST is repeated only when the provider said
 * when to come back; without an answer the gate cannot know whether the deploy started.
 */
const RETRY_AFTER_FAULTS = ['unavailable-retry-after', 'too-many-requests'] as const;

export type FaultKind = (typeof TRANSIENT_FAULTS)[number] | (typeof PERMANENT_FAULTS)[number];

export const isPermanentFault = (kind: FaultKind | undefined): boolean =>
  (PERMANENT_FAULTS as readonly string[]).includes(kind ?? '');

export interface FaultEvent {
  index: number;
  method: string;
  /** path and query as sent */
  url: string;
  /** the path without the query */
  path: string;
  /** what was injected; absent when the upstream answer went through unchanged */
  fault?: FaultKind;
  /** which upstream answer for this path the client got (0 = the first one forwarded); absent when none */
  step?: number;
  upstreamStatus?: number;
  /** bytes of a huge body written before the client hung up */
  bytesSent?: number;
}

export interface FaultProxyOptions {
  upstream: string;
  seed: number;
  /** share of requests that get a fault, 0–1 */
  rate: number;
  /** the kinds drawn from, equally likely */
  faults: readonly FaultKind[];
  /** how long a slow answer is held before the connection is dropped; make it longer than the request timeout */
  slowMs: number;
  /** `Retry-After` seconds of 503/429 faults (default 1) */
  retryAfterSeconds?: number;
  /** default 50 MiB */
  hugeBytes?: number;
  /** requests that only get RETRY_AFTER_FAULTS (default: every non-GET, and CSRF token fetches) */
  startsDeploy?: (method: string, headers: IncomingMessage['headers']) => boolean;
  port?: number;
}

export interface FaultProxy {
  url: string;
  events: FaultEvent[];
  close(): Promise<void>;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same faults for the same requests. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  step: number;
}

const MiB = 1024 * 1024;
const BODY_FAULTS = new Set<FaultKind>(['truncated', 'malformed', 'empty']);

const defaultStartsDeploy = (method: string, headers: IncomingMessage['headers']): boolean =>
  method !== 'GET' || String(headers['x-csrf-token'] ?? '').toLowerCase() === 'fetch';

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = mulberry32(options.seed);
  const events: FaultEvent[] = [];
  const forwardedPerPath = new Map<string, number>();
  /** earlier 200 answers per path, replayed by `flap` */
  const history = new Map<string, Answer[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const startsDeploy = options.startsDeploy ?? defaultStartsDeploy;
  const upstream = new URL(options.upstream);

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chooseFault = (method: string, headers: IncomingMessage['headers']): FaultKind | undefined => {
    if (random() >= options.rate) return undefined;
    const allowed = startsDeploy(method, headers)
      ? options.faults.filter((kind) => (RETRY_AFTER_FAULTS as readonly string[]).includes(kind))
      : options.faults;
    return allowed.length > 0 ? pick(allowed) : undefined;
  };

  const callUpstream = (req: IncomingMessage, body: Buffer, path: string): Promise<Answer | undefined> =>
    new Promise((resolve) => {
      const headers = { ...req.headers, host: upstream.host };
      const outgoing = forward(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const step = forwardedPerPath.get(path) ?? 0;
            forwardedPerPath.set(path, step + 1);
            resolve({
              status: answer.statusCode ?? 502,
              headers: relayedHeaders(answer.headers),
              body: Buffer.concat(chunks),
              step,
            });
          });
          answer.on('error', () => resolve(undefined));
        },
      );
      // The simulator reset the connection (its own scripted fault): the client gets the same.
      outgoing.on('error', () => {
        forwardedPerPath.set(path, (forwardedPerPath.get(path) ?? 0) + 1);
        resolve(undefined);
      });
      outgoing.end(body);
    });

  const send = (res: ServerResponse, event: FaultEvent, status: number, headers: Answer['headers'], body: Buffer) => {
    if (res.destroyed) return;
    res.writeHead(status, { ...headers, 'content-length': String(body.length), 'x-fault-event': String(event.index) });
    res.end(body);
  };

  const hold = (res: ServerResponse, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.socket?.destroy();
    }, ms);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = pathOf(url);
    const event: FaultEvent = { index: events.length, method, url, path };
    events.push(event);
    let fault = chooseFault(method, req.headers);
    const earlier = history.get(path) ?? [];
    // Nothing to flap back to yet: the first answer goes through.
    if (fault === 'flap' && earlier.length === 0) fault = undefined;
    event.fault = fault;
    const retryAfterSeconds = options.retryAfterSeconds ?? 1;
    const sendReply = ({ status, headers = {}, body = '' }: Reply): void =>
      send(res, event, status, headers, typeof body === 'string' ? Buffer.from(body) : body);

    switch (fault) {
      case 'server-error':
        return sendReply(text(pick([500, 502, 503, 504]), 'Bad Gateway'));
      case 'unavailable-retry-after':
        return sendReply(faultReply.unavailable(retryAfterSeconds));
      case 'too-many-requests':
        return sendReply(faultReply.tooManyRequests(retryAfterSeconds));
      case 'reset':
        req.socket.destroy();
        return;
      case 'slow':
        return hold(res, options.slowMs);
      case 'html':
        // With a charset, as identity providers send it: the client must not rely on the bare media type.
        return sendReply({ ...faultReply.htmlLogin(), headers: { 'content-type': 'text/html; charset=utf-8' } });
      case 'huge':
        event.bytesSent = await streamHugeBody(res, event, options.hugeBytes ?? 50 * MiB);
        return;
      case 'flap': {
        // A stale answer: the provider's state seems to go back, as behind a lagging replica.
        const replayed = earlier.length === 1 ? earlier[0] : pick(earlier.slice(0, -1));
        if (!replayed) return;
        event.step = replayed.step;
        event.upstreamStatus = replayed.status;
        return send(res, event, replayed.status, replayed.headers, replayed.body);
      }
    }

    const answer = await callUpstream(req, body, path);
    if (!answer) {
      req.socket.destroy();
      return;
    }
    event.upstreamStatus = answer.status;
    if (fault && BODY_FAULTS.has(fault)) {
      const broken = breakBody(fault, answer, random);
      if (broken) return send(res, event, 200, answer.headers, broken);
      // Only a readable 200 can be broken; the provider moved on, the client gets a plain 503.
      event.fault = 'server-error';
      return sendReply(faultReply.unavailable());
    }
    event.step = answer.step;
    if (answer.status === 200) history.set(path, [...earlier, answer]);
    send(res, event, answer.status, answer.headers, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON or XML 200 made unreadable; undefined when the answer is not one. */
function breakBody(fault: FaultKind, answer: Answer, random: () => number): Buffer | undefined {
  const type = String(answer.headers['content-type'] ?? '');
  const xml = /[/+]xml\b/.test(type);
  if (answer.status !== 200 || answer.body.length < 2 || !(xml || /json/.test(type))) return undefined;
  const text = answer.body.toString('utf8');
  if (fault === 'empty') return Buffer.alloc(0);
  if (fault === 'truncated') {
    // A proper prefix of a JSON object or an XML document never parses.
    const cut = Math.max(1, Math.floor(text.length * (0.2 + 0.7 * random())));
    return Buffer.from(text.slice(0, Math.min(cut, text.length - 1)));
  }
  return Buffer.from(xml ? text.replace('</', '<unclosed></') : text.replace(':', '::'));
}

/**
 * 50 MiB of JSON that says COMPLETED/STARTED at its start, written chunk by chunk as the client reads: the
 * proxy never holds it, and a client with a body limit must stop long before the end.
 */
async function streamHugeBody(res: ServerResponse, event: FaultEvent, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  let closed = false;
  let wake: (() => void) | undefined;
  res.on('close', () => {
    closed = true;
    wake?.();
  });
  res.on('drain', () => wake?.());
  res.writeHead(200, { 'content-type': 'application/json', 'x-fault-event': String(event.index) });
  const head = Buffer.from('{"state":"COMPLETED","status":"STARTED","padding":"');
  res.write(head);
  sent += head.length;
  while (sent < total && !closed) {
    const ok = res.write(chunk);
    sent += chunk.length;
    if (!ok) await new Promise<void>((resolve) => (wake = resolve));
  }
  if (!closed) res.end('"}');
  return sent;
}

function relayedHeaders(headers: IncomingMessage['headers']): Answer['headers'] {
  const relayed: Answer['headers'] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding' || name === 'connection')
      continue;
    relayed[name] = value;
  }
  return relayed;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
