/**
 * OData V2 collections as SAP answers them: JSON `{"d":{"results":[…],"__next":"…"}}`, or an Atom `<feed>`
 * with `<link rel="next">`; an expanded navigation property (`EntryPoints`) sits inside each entry, as
 * `{"results":[…]}` in JSON and as `<link><m:inline><feed>` in Atom. Media entries (designtime artifacts,
 * which have a `$value`) carry their `<m:properties>` beside `<content src>`, not inside it.
 */
import { json, type Reply } from '../server.ts';
import { escapeXml, type Format } from './render.ts';

export interface CollectionItem {
  /** `IntegrationDesigntimeArtifacts(Id='X',Version='1.0.0')`, relative to the service root */
  key: string;
  /** entity type without its namespace: `IntegrationDesigntimeArtifact` */
  type: string;
  properties: Record<string, string>;
  expanded?: Record<string, CollectionItem[]>;
  media?: boolean;
}

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  m: 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata',
  d: 'http://schemas.microsoft.com/ado/2007/08/dataservices',
};
const SCHEME = 'http://schemas.microsoft.com/ado/2007/08/dataservices/scheme';
const RELATED = 'http://schemas.microsoft.com/ado/2007/08/dataservices/related/';

export function renderCollection(
  format: Format,
  origin: string,
  set: string,
  items: readonly CollectionItem[],
  next?: string,
): Reply {
  const base = `${origin}/api/v1/`;
  if (format === 'json') {
    return json(200, { d: { results: items.map((item) => jsonItem(base, item)), ...(next ? { __next: next } : {}) } });
  }
  const body =
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<feed xmlns="${NS.atom}" xmlns:m="${NS.m}" xmlns:d="${NS.d}" xml:base="${escapeXml(base)}">` +
    `<id>${escapeXml(base + set)}</id><title type="text">${set}</title><updated>${new Date().toISOString()}</updated>` +
    `<link href="${set}" rel="self" title="${set}"/>` +
    items.map((item) => atomEntry(base, item)).join('') +
    (next ? `<link href="${escapeXml(next)}" rel="next"/>` : '') +
    `</feed>`;
  return { status: 200, headers: { 'content-type': 'application/atom+xml;type=feed; charset=utf-8' }, body };
}

function jsonItem(base: string, item: CollectionItem): Record<string, unknown> {
  const uri = base + item.key;
  const expanded = Object.fromEntries(
    Object.entries(item.expanded ?? {}).map(([name, list]) => [
      name,
      { results: list.map((inner) => jsonItem(base, inner)) },
    ]),
  );
  return {
    __metadata: {
      id: uri,
      uri,
      type: `com.sap.hci.api.${item.type}`,
      ...(item.media ? { media_src: `${uri}/$value`, content_type: 'application/octet-stream' } : {}),
    },
    ...item.properties,
    ...expanded,
  };
}

function atomEntry(base: string, item: CollectionItem): string {
  const properties = `<m:properties>${Object.entries(item.properties)
    .map(([name, value]) => `<d:${name}>${escapeXml(value)}</d:${name}>`)
    .join('')}</m:properties>`;
  const links = Object.entries(item.expanded ?? {})
    .map(
      ([name, list]) =>
        `<link href="${escapeXml(item.key)}/${name}" rel="${RELATED}${name}" title="${name}" type="application/atom+xml;type=feed">` +
        `<m:inline><feed><title type="text">${name}</title>${list.map((inner) => atomEntry(base, inner)).join('')}</feed></m:inline></link>`,
    )
    .join('');
  const content = item.media
    ? `<content type="application/octet-stream" src="${escapeXml(item.key)}/$value"/>${properties}`
    : `<content type="application/xml">${properties}</content>`;
  return (
    `<entry><id>${escapeXml(base + item.key)}</id><title type="text">${item.type}</title>` +
    `<updated>${new Date().toISOString()}</updated><category term="com.sap.hci.api.${item.type}" scheme="${SCHEME}"/>` +
    `<link href="${escapeXml(item.key)}" rel="edit" title="${item.type}"/>${links}${content}</entry>`
  );
}
