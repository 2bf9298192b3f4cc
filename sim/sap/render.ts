/** SAP's OData V2 answers as JSON (`{"d":{…}}`) or Atom/XML (`<entry>…<m:properties>`). */
import { json, type Reply } from '../server.ts';

export type Format = 'json' | 'xml';

/** Property values: text, or a date as epoch ms (`/Date(…)/` in JSON, zone-less UTC in XML). */
export type Properties = Record<string, string | number>;

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  m: 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata',
  d: 'http://schemas.microsoft.com/ado/2007/08/dataservices',
};

export function renderEntity(format: Format, origin: string, key: string, type: string, properties: Properties): Reply {
  const uri = `${origin}/api/v1/${key}`;
  const typeName = `com.sap.hci.api.${type}`;
  if (format === 'json') {
    const values = Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [name, typeof value === 'number' ? `/Date(${value})/` : value]),
    );
    return json(200, { d: { __metadata: { id: uri, uri, type: typeName }, ...values } });
  }
  const fields = Object.entries(properties)
    .map(([name, value]) =>
      typeof value === 'number'
        ? `<d:${name} m:type="Edm.DateTime">${new Date(value).toISOString().replace(/Z$/, '')}</d:${name}>`
        : `<d:${name}>${escapeXml(value)}</d:${name}>`,
    )
    .join('');
  const body =
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<entry xmlns="${NS.atom}" xmlns:m="${NS.m}" xmlns:d="${NS.d}" xml:base="${escapeXml(origin)}/api/v1/">` +
    `<id>${escapeXml(uri)}</id><title type="text">${type}</title><updated>${new Date().toISOString()}</updated>` +
    `<category term="${typeName}" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/>` +
    `<link href="${escapeXml(key)}" rel="edit" title="${type}"/>` +
    `<content type="application/xml"><m:properties>${fields}</m:properties></content></entry>`;
  return { status: 200, headers: { 'content-type': 'application/atom+xml;type=entry; charset=utf-8' }, body };
}

export function errorBody(format: Format, status: number, code: string, message: string): Reply {
  if (format === 'json') {
    return json(status, { error: { code, message: { lang: 'en', value: message } } });
  }
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="utf-8"?><error xmlns="${NS.m}"><code>${escapeXml(code)}</code><message xml:lang="en">${escapeXml(message)}</message></error>`,
  };
}

const ENTITY_SETS = [
  'BuildAndDeployStatus',
  'IntegrationDesigntimeArtifacts',
  'IntegrationRuntimeArtifacts',
  'ValueMappingDesigntimeArtifacts',
];

export function serviceDocument(format: Format): Reply {
  if (format === 'json') {
    return json(200, { d: { EntitySets: ENTITY_SETS } });
  }
  const collections = ENTITY_SETS.map(
    (name) => `<collection href="${name}"><atom:title>${name}</atom:title></collection>`,
  ).join('');
  return {
    status: 200,
    headers: { 'content-type': 'application/atomsvc+xml' },
    body: `<?xml version="1.0" encoding="utf-8"?><service xmlns="http://www.w3.org/2007/app" xmlns:atom="${NS.atom}"><workspace><atom:title>Default</atom:title>${collections}</workspace></service>`,
  };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
