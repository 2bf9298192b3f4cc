/**
 * An HTTP server that holds every request: it accepts the connection and reads the request, then either
 * never answers (`silent`) or trickles an answer that never ends, one byte at a time (`trickle`) — a GitHub
 * API behind a broken proxy. On 127.0.0.1; records the request line of each request it got.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type StallMode = 'silent' | 'trickle';

export interface StalledServer {
  url: string;
  /** `POST /repos/o/r/statuses/abc`, one per request received */
  requestLines: string[];
  /** connections still open */
  openConnections(): number;
  close(): Promise<void>;
}

const TRICKLE = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-padding: ';

export async function startStalledServer(mode: StallMode, byteEveryMs = 500): Promise<StalledServer> {
  const requestLines: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const timers: NodeJS.Timeout[] = [];
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // Each request's line; bodies are small JSON, so a request line is any line that looks like one.
      for (const match of received.matchAll(/^(GET|POST|PATCH|PUT|DELETE) (\S+) HTTP\/1\.1$/gm)) {
        requestLines.push(`${match[1]} ${match[2]}`);
        if (mode === 'trickle') trickle(socket, timers, byteEveryMs);
      }
      received = received.slice(received.lastIndexOf('\n') + 1);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      timers.forEach(clearInterval);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requestLines,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A status line and then a header that never ends. */
function trickle(socket: Socket, timers: NodeJS.Timeout[], byteEveryMs: number): void {
  let sent = 0;
  timers.push(
    setInterval(() => {
      if (socket.destroyed) return;
      socket.write(sent < TRICKLE.length ? (TRICKLE[sent] ?? 'x') : 'x');
      sent++;
    }, byteEveryMs),
  );
}
