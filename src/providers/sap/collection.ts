/**
 * OData V2 collections as the tenant answers them: JSON `{"d":{"results":[…],"__next":"…"}}` or an Atom
 * `<feed>` of `<entry>` elements with a `<link rel="next">`, an expanded navigation property (`EntryPoints`)
 * inside each entry. Pages are followed, but only on the service root's own origin: credentials go nowhere else.
 */
import { HttpError } from '../../http/errors.js';
import { assertNotHtml, assertStatus, excerpt, parseJsonBody, requireBody } from '../../http/status.js';
import type { HttpResponse } from '../../http/types.js';
import { isRecord } from '../../core/json.js';
import type { CallOptions } from '../types.js';
import { isXml } from './odata.js';

/** One entry: its simple properties as text, and its expanded navigation properties as entries. */
export interface CollectionEntry {
  properties: Readonly<Record<string, string>>;
  expanded: Readonly<Record<string, CollectionEntry[]>>;
}

export interface CollectionPage {
  entries: CollectionEntry[];
  /** URL of the next page, absolute or relative to the page */
  next?: string;
}

/** More pages than any tenant has artifacts for: a `__next` loop must not keep a run busy. */
const MAX_PAGES = 100;

/**
 * Every entry of a collection, page after page; `missing` when the first page answers 404 (what that means,
 * an unknown package, is the caller's to say). `get` makes one request; `run` gives each its request slot.
 */
export async function readCollection(
  url: string,
  context: string,
  get: (url: string, call: CallOptions) => Promise<HttpResponse>,
  run: <T>(request: (call: CallOptions) => Promise<T>) => Promise<T>,
): Promise<CollectionEntry[] | 'missing'> {
  const entries: CollectionEntry[] = [];
  let next: string | undefined = url;
  for (let page = 0; next !== undefined; page++) {
    if (page === MAX_PAGES) throw new HttpError(`${context}: more than ${MAX_PAGES} pages`, { kind: 'permanent' });
    const pageUrl: string = next;
    const response = await run((call) => get(pageUrl, call));
    if (page === 0 && response.status === 404) {
      assertNotHtml(response, context);
      return 'missing';
    }
    assertStatus(response, [200], context);
    const read = await collectionPage(response, context);
    entries.push(...read.entries);
    next = read.next === undefined ? undefined : sameOrigin(read.next, pageUrl, context);
  }
  return entries;
}

export async function collectionPage(response: HttpResponse, context: string): Promise<CollectionPage> {
  const page = isXml(response)
    ? atomPage(await parseAtom(requireBody(response, context)))
    : jsonPage(parseJsonBody(response, context));
  if (!page) {
    throw new HttpError(
      `${context}: unreadable answer (HTTP ${response.status}), no OData collection: ${excerpt(response.body, 100)}`,
      { kind: 'permanent', status: response.status },
    );
  }
  return page;
}

function jsonPage(value: unknown): CollectionPage | undefined {
  const d = isRecord(value) && isRecord(value.d) ? value.d : undefined;
  // OData V2 verbose JSON; V4 puts the list under `value`
  const list = d ? d.results : isRecord(value) ? value.value : undefined;
  if (!Array.isArray(list)) return undefined;
  const next = d?.__next ?? (isRecord(value) ? value['@odata.nextLink'] : undefined);
  return { entries: list.filter(isRecord).map(jsonEntry), ...(typeof next === 'string' && next ? { next } : {}) };
}

function jsonEntry(record: Record<string, unknown>): CollectionEntry {
  const properties: Record<string, string> = {};
  const expanded: Record<string, CollectionEntry[]> = {};
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      properties[name] = String(value);
    } else if (isRecord(value) && Array.isArray(value.results)) {
      expanded[name] = value.results.filter(isRecord).map(jsonEntry);
    } else if (Array.isArray(value)) {
      expanded[name] = value.filter(isRecord).map(jsonEntry);
    }
  }
  return { properties, expanded };
}

function atomPage(document: unknown): CollectionPage | undefined {
  const feed = isRecord(document) ? document.feed : undefined;
  if (!isRecord(feed)) return undefined;
  const next = asList(feed.link).find((link) => isRecord(link) && link['@_rel'] === 'next');
  const href = isRecord(next) ? next['@_href'] : undefined;
  return {
    entries: asList(feed.entry).filter(isRecord).map(atomEntry),
    ...(typeof href === 'string' && href ? { next: withBase(href, feed['@_base']) } : {}),
  };
}

function atomEntry(entry: Record<string, unknown>): CollectionEntry {
  // A media entry (an artifact with `$value`) keeps its properties beside `<content src>`, not inside it.
  const content = isRecord(entry.content) ? entry.content : {};
  const raw = isRecord(entry.properties) ? entry.properties : isRecord(content.properties) ? content.properties : {};
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const text = isRecord(value) ? value['#text'] : value;
    if (typeof text === 'string' || typeof text === 'number') properties[name] = String(text);
    else if (isRecord(value) && value['@_null'] === undefined) properties[name] = '';
  }
  const expanded: Record<string, CollectionEntry[]> = {};
  for (const link of asList(entry.link)) {
    if (!isRecord(link) || !isRecord(link.inline) || typeof link['@_title'] !== 'string') continue;
    const inner = link.inline.feed;
    expanded[link['@_title']] = isRecord(inner) ? asList(inner.entry).filter(isRecord).map(atomEntry) : [];
  }
  return { properties, expanded };
}

/** Against the feed's `xml:base` when it has one; a link still relative is resolved against the page URL later. */
const withBase = (href: string, base: unknown): string => (typeof base === 'string' ? new URL(href, base).href : href);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** A next-page link is resolved against the page it came from and must stay on its origin. */
function sameOrigin(link: string, pageUrl: string, context: string): string {
  const resolved = new URL(link, pageUrl);
  if (resolved.origin !== new URL(pageUrl).origin) {
    throw new HttpError(`${context}: the next page is on another origin (${resolved.origin}); not followed`, {
      kind: 'permanent',
    });
  }
  return resolved.href;
}

// Loaded only when a tenant answers in XML, like the entity reader's parser.
async function parseAtom(text: string): Promise<unknown> {
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  try {
    return parser.parse(text, true);
  } catch {
    return undefined;
  }
}
