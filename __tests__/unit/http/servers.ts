/**
 * Small servers the HTTP client tests need beyond sim/server.ts: a CONNECT proxy, an HTTPS server with a
 * certificate from the test CA, and a server that streams a large body. All listen on 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url), 'utf8');

export const testCa = (): string => fixture('ca.pem');

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface TestProxy extends RunningServer {
  /** `host:port` of every CONNECT tunnel asked for */
  tunnels: string[];
}

/**
 * A CONNECT proxy that tunnels to 127.0.0.1 only and remembers every tunnel. With `proxyAuthorization`, a
 * tunnel without that `Proxy-Authorization` value gets 407, as from a corporate proxy.
 */
export async function startConnectProxy(options: { proxyAuthorization?: string } = {}): Promise<TestProxy> {
  const tunnels: string[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(405).end('this test proxy only tunnels');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    if (options.proxyAuthorization && req.headers['proxy-authorization'] !== options.proxyAuthorization) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n');
      return;
    }
    const [host, port] = target.split(':');
    if (host !== '127.0.0.1' || !port) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  return { ...(await listen(server, 'http')), tunnels };
}

/** HTTPS with the test CA's certificate for 127.0.0.1; answers 200 "secure hello". */
export async function startTlsServer(): Promise<RunningServer> {
  const server = createHttpsServer({ key: fixture('server-key.pem'), cert: fixture('server.pem') }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('secure hello');
  });
  return listen(server, 'https');
}

export interface StreamingServer extends RunningServer {
  /** bytes handed to the socket so far */
  written(): number;
}

/** Streams `totalBytes` of `x` from one reused chunk, honouring backpressure, so the server itself stays small. */
export async function startStreamingServer(totalBytes: number): Promise<StreamingServer> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(totalBytes) });
    const pump = (): void => {
      while (written < totalBytes && !res.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
        written += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  return { ...(await listen(server, 'http')), written: () => written };
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
