import { Agent, Dispatcher, EnvHttpProxyAgent, type ProxyAgent } from 'undici';
import type { ConnectionOptions } from 'node:tls';
import { trustedCertificates, type OriginCertificate } from './tls.js';

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * The one connection pool of a client. Proxy values come from the caller only: undici would read the
 * environment for each missing one, so empty strings stand for "not set". A client certificate is presented
 * to its own origin only: requests there go through a pool of their own, every other origin never sees it.
 */
export function createDispatcher(
  proxy: ProxySettings = {},
  caCertificate?: string,
  clientCertificate?: OriginCertificate,
): Dispatcher {
  const ca = caCertificate ? trustedCertificates(caCertificate) : undefined;
  const tls: ConnectionOptions | undefined = ca ? { ca } : undefined;
  const main = poolOf(proxy, tls);
  if (!clientCertificate) return main;
  const { origin, certificate, key } = clientCertificate;
  return new OriginRouter(main, origin, poolOf(proxy, { ...tls, cert: certificate, key }));
}

function poolOf(proxy: ProxySettings, tls: ConnectionOptions | undefined): Dispatcher {
  if (!proxy.httpProxy && !proxy.httpsProxy) return new Agent({ connect: tls });
  const options: EnvHttpProxyAgent.Options & Pick<ProxyAgent.Options, 'requestTls' | 'proxyTls'> = {
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy ?? '',
    // `connect` serves direct connections; through a proxy the target's TLS is `requestTls`.
    connect: tls,
    requestTls: tls,
    // The client certificate is for the target, never for the proxy.
    proxyTls: tls?.ca ? { ca: tls.ca } : undefined,
  };
  return withoutExperimentalWarning(() => new EnvHttpProxyAgent(options));
}

/**
 * undici announces once per process that EnvHttpProxyAgent is experimental: news for us (its version
 * is pinned and tested), noise in a user's job log. Only that one warning is held back, only while
 * the agent is made.
 */
function withoutExperimentalWarning<T>(create: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0];
    if (typeof options === 'object' && options !== null && 'code' in options && options.code === 'UNDICI-EHPA') return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return create();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Sends requests for `origin` through `special`, all others through `main`. */
class OriginRouter extends Dispatcher {
  constructor(
    private readonly main: Dispatcher,
    private readonly origin: string,
    private readonly special: Dispatcher,
  ) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    const target = new URL(String(options.origin ?? '')).origin === this.origin ? this.special : this.main;
    return target.dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closed = Promise.all([this.main.close(), this.special.close()]).then(() => undefined);
    if (!callback) return closed;
    void closed.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const error = typeof first === 'function' ? null : (first ?? null);
    const callback = typeof first === 'function' ? first : second;
    const destroyed = Promise.all([this.main.destroy(error), this.special.destroy(error)]).then(() => undefined);
    if (!callback) return destroyed;
    void destroyed.then(callback);
  }
}
