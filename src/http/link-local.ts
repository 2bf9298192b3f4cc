import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Link-local and cloud metadata addresses (169.254.169.254 on AWS, GCP and Azure; fd00:ec2::254 on AWS
 * over IPv6): a provider's redirect there would make the runner read its own cloud credentials.
 */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');
LINK_LOCAL.addAddress('fd00:ec2::254', 'ipv6');

/** Names that resolve to a metadata address on every cloud that has them. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog']);

/** True for a URL whose host is such an address, however written (`[::ffff:169.254.169.254]` too). */
export function isLinkLocalHost(url: URL): boolean {
  const host = bareHost(url);
  if (METADATA_NAMES.has(host)) return true;
  const family = isIP(host);
  if (family === 4) return LINK_LOCAL.check(host, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host)?.[1] ?? ipv4OfMappedHex(host);
  return mapped ? LINK_LOCAL.check(mapped, 'ipv4') : LINK_LOCAL.check(host, 'ipv6');
}

/** `::ffff:a9fe:a9fe` (how URL writes a mapped IPv4 address) → `169.254.169.254`. */
function ipv4OfMappedHex(host: string): string | undefined {
  const match = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/i.exec(host);
  if (!match) return undefined;
  const [high, low] = [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The addresses a host name resolves to. */
export type Lookup = (host: string) => Promise<readonly string[]>;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true })).map(({ address }) => address);

/**
 * For a redirect to a host name: whether the name resolves to such an address here. A name that does not
 * resolve here is let through (behind a proxy, the proxy resolves it); an address is judged as written.
 */
export async function resolvesToLinkLocal(
  url: URL,
  signal: AbortSignal,
  lookup: Lookup = systemLookup,
): Promise<boolean> {
  const host = bareHost(url);
  if (isIP(host)) return false;
  let addresses: readonly string[];
  let onAbort = (): void => {};
  try {
    // A slow resolver must not outlast the request's own time: the request then fails on its aborted signal.
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    addresses = await Promise.race([lookup(host), aborted]);
  } catch {
    return false;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return addresses.some((address) =>
    isLinkLocalHost(new URL(`http://${isIP(address) === 6 ? `[${address}]` : address}/`)),
  );
}

function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}
