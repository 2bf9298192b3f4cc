/** Pure parsers for the kinds of values inputs take. They return undefined (or throw a plain Error) and leave naming the input to the caller. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;

/** `90` (seconds), `90s`, `5m`, `1h30m`, `250ms` → milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(DURATION_PART)) total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  return Math.round(total);
}

/** `2m30s`-style text for messages and reports. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds}s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('') || '0s';
}

/** The toolkit's YAML 1.2 core booleans. */
const BOOLEANS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

export function parseBoolean(text: string): boolean | undefined {
  return BOOLEANS[text.trim()];
}

/** Ids separated by newlines or commas; blanks dropped, duplicates removed, order kept. */
export function parseIdList(text: string): string[] {
  const ids = text
    .split(/[\n,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Headers the HTTP layer owns: letting a user set them breaks requests in confusing ways. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

export type HeaderParse = { headers: Record<string, string> } | { error: string };

/** `Name: value` per line. Errors name the line and header, never the value (it may be a secret). */
export function parseHeaders(text: string): HeaderParse {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) {
      return { error: `line ${index + 1} is not of the form 'Name: value'` };
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      return { error: `line ${index + 1} sets '${name}', which the action manages itself` };
    }
    const value = line.slice(colon + 1).trim();
    if (!isHeaderValue(value)) {
      return { error: `line ${index + 1} ('${name}') has ${HEADER_VALUE_PROBLEM} in its value` };
    }
    headers[name] = value;
  }
  return { headers };
}

/** What HTTP can carry in a header value: visible Latin-1 text, spaces and tabs (RFC 9110 field-value). */
export function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && !/[\x7f-\x9f]/.test(value);
}

export const HEADER_VALUE_PROBLEM = 'a character HTTP cannot carry (a control character, or one outside Latin-1)';

export type UrlParse = { url: URL } | { error: string };

/** An absolute http(s) URL without credentials in it. */
export function parseHttpUrl(text: string): UrlParse {
  const value = text.trim();
  const notAbsolute = {
    error: `has value '${shownUrl(value)}'; expected an absolute http(s) URL such as https://host/…`,
  };
  // Without it, `host:9200` would parse as a URL whose scheme is `host:`.
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value)) return notAbsolute;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return notAbsolute;
  }
  if (url.username || url.password) {
    return { error: 'contains credentials: pass them through the token, username/password or api-key inputs' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `uses '${url.protocol}': only http and https URLs are accepted` };
  }
  return { url };
}

/** A URL input as an error message may show it: no userinfo, query or fragment (they may carry secrets). */
function shownUrl(value: string): string {
  const shown = value.replace(/[?#].*$/s, '').replace(/^([^/@]*\/\/)?[^/@]*@/, '$1');
  return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
}

/** A URL as reports may show it: scheme, host and path; no credentials, query or fragment. */
export function displayEndpoint(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '')}`;
}
