/**
 * What the SAP simulator serves at package scale: the four designtime collections of an integration
 * package (`IntegrationPackages('P')/…DesigntimeArtifacts`), each artifact's designtime entity with its
 * version, `ServiceEndpoints?$expand=EntryPoints`, all in OData V2 JSON or Atom with `__next` /
 * `<link rel="next">` paging — and a tenant's limits: answer time, and a bound on requests served at once
 * beyond which it answers 429 with `Retry-After`. Shapes follow the answers recorded in
 * `__tests__/fixtures/sap/` (see the README there for their public sources).
 */
import { safeDecode, type RecordedRequest, type Reply } from './server.ts';
import { renderCollection, type CollectionItem } from './sap/collection.ts';
import { errorBody, renderEntity, type Format } from './sap/render.ts';

export type PackageArtifactType = 'integration-flow' | 'value-mapping' | 'script-collection' | 'message-mapping';

export interface PackageArtifact {
  id: string;
  type: PackageArtifactType;
  /** the designtime version `active` stands for (default `1.0.0`) */
  version?: string;
}

export interface PackageOptions {
  /** package id → its artifacts */
  packages?: Record<string, PackageArtifact[]>;
  /** entries per collection page (default 1000, SAP's own page size) */
  pageSize?: number;
  /** integration flow id → its entry point URLs, listed by ServiceEndpoints */
  serviceEndpoints?: Record<string, string[]>;
  /** every API request takes this long to answer */
  latencyMs?: number;
  /** the tenant serves this many API requests at once; one more is answered 429 at once */
  maxConcurrent?: number;
  /** `Retry-After` of those 429s, seconds (default 1) */
  retryAfterSeconds?: number;
  /** a deploy's build answers DEPLOYING for this long after its request, before the scenario's own steps */
  buildMs?: number;
}

/** What a test reads back: the API requests in the order they arrived, and the tenant's load. */
export interface PackageTrace {
  /** the most API requests (the token endpoint aside) being answered at once */
  maxInFlight(): number;
  /** 429s the tenant's bound provoked */
  rateLimited(): number;
}

const COLLECTIONS: Record<string, PackageArtifactType> = {
  IntegrationDesigntimeArtifacts: 'integration-flow',
  ValueMappingDesigntimeArtifacts: 'value-mapping',
  ScriptCollectionDesigntimeArtifacts: 'script-collection',
  MessageMappingDesigntimeArtifacts: 'message-mapping',
};

const ENTITY_TYPES: Record<PackageArtifactType, string> = {
  'integration-flow': 'IntegrationDesigntimeArtifact',
  'value-mapping': 'ValueMappingDesigntimeArtifact',
  'script-collection': 'ScriptCollectionDesigntimeArtifact',
  'message-mapping': 'MessageMappingDesigntimeArtifact',
};

export interface PackageTenant extends PackageTrace {
  /** answers a package-scale request; undefined for the rest of the API */
  answer(request: RecordedRequest, resource: string, format: Format, origin: string): Reply | undefined;
  /** notes a deploy request; answers the version it puts into the runtime (`active`: the designtime one) */
  deployed(id: string, version: string): string;
  /** the deploy of `id` is still within `buildMs` */
  stillBuilding(id: string): boolean;
  /** runs one API request under the tenant's answer time and bound */
  serve(answer: () => Reply | Promise<Reply>): Promise<Reply>;
}

export function packageTenant(options: PackageOptions = {}): PackageTenant {
  const artifacts = new Map<string, PackageArtifact & { packageId: string }>();
  for (const [packageId, list] of Object.entries(options.packages ?? {}))
    for (const artifact of list) artifacts.set(artifact.id, { ...artifact, packageId });
  const pageSize = options.pageSize ?? 1000;
  let inFlight = 0;
  let maxInFlight = 0;
  let rateLimited = 0;
  const deployedAt = new Map<string, number>();

  const page = <T>(items: T[], request: RecordedRequest): { items: T[]; next?: number } => {
    const from = Number(request.query.get('$skiptoken') ?? '0') || 0;
    const items_ = items.slice(from, from + pageSize);
    return from + pageSize < items.length ? { items: items_, next: from + pageSize } : { items: items_ };
  };
  const nextLink = (origin: string, request: RecordedRequest, next: number | undefined): string | undefined => {
    if (next === undefined) return undefined;
    const query = new URLSearchParams(request.query);
    query.set('$skiptoken', String(next));
    return `${origin}${request.rawPath}?${query.toString()}`;
  };

  const listing = (request: RecordedRequest, format: Format, origin: string, key: string, set: string): Reply => {
    const packageId = keyLiteral(key);
    const type = COLLECTIONS[set];
    const list = packageId === undefined ? undefined : options.packages?.[packageId];
    if (!type) return errorBody(format, 404, 'Not Found', `Resource not found for the segment '${set}'.`);
    if (!list) return errorBody(format, 404, 'Not Found', `Integration package ${packageId ?? key} does not exist.`);
    const { items, next } = page(
      list.filter((artifact) => artifact.type === type),
      request,
    );
    return renderCollection(
      format,
      origin,
      set,
      items.map((artifact) => designtimeItem(artifact, packageId as string)),
      nextLink(origin, request, next),
    );
  };

  const designtime = (format: Format, origin: string, set: string, key: string): Reply => {
    const match = /^Id=('(?:[^']|'')*'),Version=('(?:[^']|'')*')$/.exec(safeDecode(key));
    const id = match ? keyLiteral(match[1] ?? '') : undefined;
    const artifact = id === undefined ? undefined : artifacts.get(id);
    if (!artifact || COLLECTIONS[set] !== artifact.type)
      return errorBody(format, 404, 'Not Found', 'Requested entity could not be found.');
    const item = designtimeItem(artifact, artifact.packageId);
    return renderEntity(format, origin, item.key, ENTITY_TYPES[artifact.type], item.properties);
  };

  const serviceEndpoints = (request: RecordedRequest, format: Format, origin: string): Reply => {
    const entries = Object.entries(options.serviceEndpoints ?? {}).flatMap(([flow, urls]) =>
      urls.map((url) => ({ flow, url })),
    );
    const { items, next } = page(entries, request);
    const expanded = request.query.get('$expand') === 'EntryPoints';
    return renderCollection(
      format,
      origin,
      'ServiceEndpoints',
      items.map(({ flow, url }): CollectionItem => {
        const address = new URL(url).pathname.replace(/^\/http\//, '');
        const id = `${flow}$endpointAddress=${address}`;
        return {
          key: `ServiceEndpoints('${encodeURIComponent(id)}')`,
          type: 'ServiceEndpoint',
          properties: { Name: flow, Id: id, Title: flow.replace(/_/g, ' '), Version: '1.0.0', Protocol: 'HTTP' },
          ...(expanded
            ? {
                expanded: {
                  EntryPoints: [
                    {
                      key: `EntryPoints('${encodeURIComponent(url)}')`,
                      type: 'EntryPoint',
                      properties: { Name: flow, Url: url, Type: 'PROD', AdditionalInformation: '' },
                    },
                  ],
                },
              }
            : {}),
        };
      }),
      nextLink(origin, request, next),
    );
  };

  return {
    answer(request, resource, format, origin) {
      if (request.method !== 'GET') return undefined;
      const listed = /^\/IntegrationPackages\(([^/]*)\)\/(\w+)$/.exec(resource);
      if (listed) return listing(request, format, origin, safeDecode(listed[1] ?? ''), listed[2] ?? '');
      const entity = /^\/(\w+DesigntimeArtifacts)\(([^/]*)\)$/.exec(resource);
      if (entity && COLLECTIONS[entity[1] ?? '']) return designtime(format, origin, entity[1] ?? '', entity[2] ?? '');
      if (resource === '/ServiceEndpoints') return serviceEndpoints(request, format, origin);
      return undefined;
    },
    deployed(id, version) {
      deployedAt.set(id, Date.now());
      return version.toLowerCase() === 'active' ? (artifacts.get(id)?.version ?? version) : version;
    },
    stillBuilding(id) {
      const at = deployedAt.get(id);
      return at !== undefined && Date.now() - at < (options.buildMs ?? 0);
    },
    async serve(answer) {
      if (options.maxConcurrent !== undefined && inFlight >= options.maxConcurrent) {
        rateLimited += 1;
        return {
          status: 429,
          headers: { 'content-type': 'text/plain', 'retry-after': String(options.retryAfterSeconds ?? 1) },
          body: 'Too Many Requests',
        };
      }
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
        return await answer();
      } finally {
        inFlight -= 1;
      }
    },
    maxInFlight: () => maxInFlight,
    rateLimited: () => rateLimited,
  };
}

function designtimeItem(artifact: PackageArtifact, packageId: string): CollectionItem {
  const type = ENTITY_TYPES[artifact.type];
  const version = artifact.version ?? '1.0.0';
  const id = artifact.id.replace(/'/g, "''");
  return {
    key: `${type}s(Id='${id}',Version='${version}')`,
    type,
    media: true,
    properties: {
      Id: artifact.id,
      Version: version,
      PackageId: packageId,
      Name: artifact.id.replace(/_/g, ' '),
      Description: '',
    },
  };
}

/** `'It''s'` → `It's`; undefined when the text is not one OData string literal. */
function keyLiteral(text: string): string | undefined {
  const match = /^'((?:[^']|'')*)'$/.exec(text);
  return match ? (match[1] ?? '').replace(/''/g, "'") : undefined;
}
