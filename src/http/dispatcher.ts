import { Agent, EnvHttpProxyAgent, type Dispatcher, type ProxyAgent } from 'undici';
import { trustedCertificates } from './tls.js';

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * The one connection pool of a client. Proxy values come from the caller only: undici would read the
 * environment for each missing one, so empty strings stand for "not set".
 */
export function createDispatcher(proxy: ProxySettings = {}, caCertificate?: string): Dispatcher {
  const ca = caCertificate ? trustedCertificates(caCertificate) : undefined;
  const tls = ca ? { ca } : undefined;
  if (!proxy.httpProxy && !proxy.httpsProxy) return new Agent({ connect: tls });
  const options: EnvHttpProxyAgent.Options & Pick<ProxyAgent.Options, 'requestTls' | 'proxyTls'> = {
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy ?? '',
    // `connect` serves direct connections; through a proxy the target's TLS is `requestTls`.
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
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
