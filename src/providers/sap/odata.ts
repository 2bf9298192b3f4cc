/**
 * The Cloud Integration OData API as this provider uses it: resource URLs with safely encoded key
 * literals, and entities read from JSON (`{"d":{…}}`) or Atom/XML (`<m:properties><d:Status>…`).
 */
import type { ArtifactType } from '../../config/config.js';
import { HttpError } from '../../http/errors.js';
import { excerpt, parseJsonBody, requireBody } from '../../http/status.js';
import type { HttpResponse } from '../../http/types.js';
import { isRecord, jsonKind, nonEmptyString } from '../../core/json.js';

/** `artifact-type` → the action that deploys it. */
export const DEPLOY_ACTIONS: Readonly<Record<ArtifactType, string>> = {
  'integration-flow': 'DeployIntegrationDesigntimeArtifact',
  'value-mapping': 'DeployValueMappingDesigntimeArtifact',
  'script-collection': 'DeployScriptCollectionDesigntimeArtifact',
  'message-mapping': 'DeployMessageMappingDesigntimeArtifact',
};

/** An OData string literal: `It's` → `'It''s'`. */
export const odataLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The literal percent-encoded for a path segment or a query value: `/ ? # % & =`, spaces and
 * non-ASCII are encoded, so an id can never leave its key predicate or add query parameters.
 */
export const encodedLiteral = (value: string): string =>
  // encodeURIComponent throws on a lone surrogate; such an id cannot exist on the tenant anyway.
  encodeURIComponent(odataLiteral(value.replace(LONE_SURROGATE, '\uFFFD')));

export const sapUrls = {
  /** `GET {root}/` with `X-CSRF-Token: Fetch` */
  csrf: (root: string): string => `${root}/`,
  deploy: (root: string, type: ArtifactType, id: string, version: string): string =>
    `${root}/${DEPLOY_ACTIONS[type]}?Id=${encodedLiteral(id)}&Version=${encodedLiteral(version)}`,
  buildStatus: (root: string, taskId: string): string =>
    `${root}/BuildAndDeployStatus(TaskId=${encodedLiteral(taskId)})`,
  runtime: (root: string, id: string): string => `${root}/IntegrationRuntimeArtifacts(${encodedLiteral(id)})`,
  errorInformation: (root: string, id: string): string => `${sapUrls.runtime(root, id)}/ErrorInformation/$value`,
};

/** An entity's simple properties as text: `Status`, `Version`, `DeployedOn`… */
export type ODataEntity = Readonly<Record<string, string>>;

/** `{"d":{…}}` (OData V2), or the properties at the top level (V4); undefined for anything else. */
export function entityFromJson(value: unknown): ODataEntity | undefined {
  if (!isRecord(value)) return undefined;
  return simpleProperties(isRecord(value.d) ? value.d : value);
}

/** The first `<m:properties>` of an Atom entry (or a bare `<m:properties>`); undefined when there is none. */
export async function entityFromXml(text: string): Promise<ODataEntity | undefined> {
  let document: unknown;
  try {
    document = await parseXml(text);
  } catch {
    return undefined;
  }
  const properties = findProperties(document, 0);
  return properties ? simpleProperties(properties) : undefined;
}

/** Reads the one entity a 200 answer carries, in whichever format the tenant chose. */
export async function readEntity(response: HttpResponse, context: string): Promise<ODataEntity> {
  const xml = isXml(response);
  const entity = xml
    ? await entityFromXml(requireBody(response, context))
    : entityFromJson(parseJsonBody(response, context));
  if (!entity) {
    throw new HttpError(
      `${context}: unreadable answer (HTTP ${response.status}), no OData entity: ${excerpt(response.body, 100)}`,
      {
        kind: 'permanent',
        status: response.status,
      },
    );
  }
  return entity;
}

/**
 * The deploy answer's task id: the body as plain text (SAP's documented answer), `{"d":{"TaskId":…}}`, or
 * the function-import form `{"d":{"Deploy…DesigntimeArtifact":…}}`. Undefined for an empty body, which is
 * how tenants answer a message-mapping deploy: there is no task to follow then. Throws when a body is
 * there but carries no readable task id.
 */
export function taskIdFrom(response: HttpResponse, context: string): string | undefined {
  const body = response.body.trim();
  if (body === '') return undefined;
  const taskId = body.startsWith('{') || body.startsWith('"') ? taskIdFromJson(body) : body;
  if (taskId === undefined || !/^[^\s<>]{1,200}$/.test(taskId)) {
    throw new HttpError(`${context}: answered ${response.status} without a readable task id: ${excerpt(body, 100)}`, {
      kind: 'permanent',
      status: response.status,
    });
  }
  return taskId;
}

/** OData V2 JSON `/Date(1700000000000)/` (optionally with an offset), ISO 8601, or Atom's zone-less UTC → epoch ms. */
export function parseODataDate(text: string | undefined): number | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  // The offset of a DateTimeOffset is informational: the milliseconds are UTC already.
  const odata = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  if (odata) return Number(odata[1]);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const ms = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function taskIdFromJson(body: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (nonEmptyString(value)) return value.trim();
  const entity = entityFromJson(value) ?? {};
  const functionImport = Object.keys(entity).find((name) => /^Deploy\w+DesigntimeArtifact$/.test(name));
  const taskId = entity.TaskId ?? (functionImport && entity[functionImport]);
  return nonEmptyString(taskId) ? taskId.trim() : undefined;
}

/** By content type, or by the first character when the type says nothing useful. */
const NOT_FOUND_TEXT = /requested entity could not be found/i;

/** 404, or SAP's "Requested entity could not be found" under another status (some tenants answer 500). */
export function isEntityNotFound(response: HttpResponse): boolean {
  return response.status === 404 || (response.status >= 400 && NOT_FOUND_TEXT.test(response.body));
}

export function isXml(response: HttpResponse): boolean {
  if (/[/+]xml$/.test(response.contentType)) return true;
  if (response.contentType.endsWith('json')) return false;
  return response.body.trimStart().startsWith('<');
}

// Loaded only when a tenant answers in XML: most runs never pay for the parser's start-up.
async function parseXml(text: string): Promise<unknown> {
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    // Versions like `1.10` must stay text, not become the number 1.1.
    parseTagValue: false,
    trimValues: true,
  });
  return parser.parse(text, true);
}

function findProperties(node: unknown, depth: number): Record<string, unknown> | undefined {
  if (!isRecord(node) || depth > 8) return undefined;
  if (isRecord(node.properties)) return node.properties;
  for (const child of Object.values(node)) {
    const found = findProperties(Array.isArray(child) ? child[0] : child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Edm.String keys: any other JSON type there names no artifact or task of this run. */
const IDENTITY_FIELDS = new Set(['Id', 'TaskId']);

/** undefined when nothing is left: a body without a single property is not an answer. */
function simpleProperties(record: Record<string, unknown>): ODataEntity | undefined {
  const entity: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (IDENTITY_FIELDS.has(name) && typeof value !== 'string' && value !== undefined) {
      throw new HttpError(
        `the answer names its ${name} with ${jsonKind(value)}, not a string id — check url and any proxy or cache in between`,
        { kind: 'permanent', status: 200 },
      );
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      entity[name] = String(value);
  }
  return Object.keys(entity).length > 0 ? entity : undefined;
}
