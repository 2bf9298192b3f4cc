/**
 * A local stand-in for SAP Cloud Integration's OData API (`/api/v1`) and its OAuth token endpoint
 * (`/oauth/token`): the four Deploy actions, BuildAndDeployStatus, IntegrationRuntimeArtifacts and
 * their ErrorInformation, in JSON or Atom/XML, with CSRF, expiring tokens, faults and login pages.
 * Run alone: `node sim/sap.ts --scenario deploy-ok [--port 0]` — prints its URL and a service key.
 */
import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import {
  basicAuthorization,
  fault,
  json,
  perTarget,
  safeDecode,
  sequence,
  startServer,
  type RecordedRequest,
  type Reply,
  type SimServer,
} from './server.ts';
import { RECORDED_ERROR_INFORMATION } from './sap/recorded.ts';
import { TEST_SERVER_TLS } from './tls/server-certificate.ts';
import { errorBody, renderEntity, serviceDocument, type Format } from './sap/render.ts';
import { packageTenant, type PackageOptions, type PackageTrace } from './sap-packages.ts';

export type { Format } from './sap/render.ts';

/** A runtime entry as a scenario describes it; rendered when asked, so a fresh `DeployedOn` is "now". */
export interface RuntimeEntry {
  status: string;
  /** default: the version deployed in this run (`1.0.0` for `active` or without a deploy) */
  version?: string;
  /** `earlier`: a day before the answer, as an entry left over from a previous deploy */
  deployedOn?: 'now' | 'earlier';
}

/** SAP's ErrorInformation/$value document. */
export interface ErrorInformation {
  message: { subsystemName?: string; messageId?: string; messageText: string; parameter?: string[] };
  /** where tenants put the parameters: beside `message` */
  parameter?: string[];
  childInstances?: ErrorInformation[];
}

/** A status word, or a reply sent as it is (a fault). */
export type BuildStep = string | Reply;
export type RuntimeStep = RuntimeEntry | 'not-found' | 'not-found-500' | Reply;
/** `not-ready`: 204, as SAP answers while it collects the details; `recorded`: a body a tenant sent */
export type ErrorInfoStep = 'not-ready' | ErrorInformation | { recorded: string } | Reply;
/** `accept`: 202 with a new task id */
export type DeployStep = 'accept' | Reply;

/** What one artifact answers, call after call (the last step repeats). */
export interface Script {
  deploy?: DeployStep[];
  build: BuildStep[];
  runtime: RuntimeStep[];
  errorInfo?: ErrorInfoStep[];
}

const PREVIOUS_DEPLOY: RuntimeEntry = { status: 'STARTED', version: '0.9.0', deployedOn: 'earlier' };

const LICENSE_ERROR: ErrorInformation = {
  message: {
    subsystemName: 'Deployment',
    messageId: 'LICENSE_CHECK_FAILED',
    messageText: 'The tenant license does not allow artifacts of type {0}',
    parameter: ['INTEGRATION_FLOW'],
  },
};

const SCENARIOS: Record<string, (id: string) => Script> = {
  'deploy-ok': () => ({ build: ['DEPLOYING', 'SUCCESS'], runtime: [{ status: 'STARTING' }, { status: 'STARTED' }] }),
  started: () => ({ build: ['SUCCESS'], runtime: [{ status: 'STARTED' }] }),
  'deploy-fail': () => ({
    build: ['DEPLOYING', 'FAIL'],
    runtime: ['not-found'],
    errorInfo: ['not-ready', { recorded: RECORDED_ERROR_INFORMATION.generationFailed }],
  }),
  'runtime-error': () => ({
    build: ['DEPLOYING', 'SUCCESS'],
    runtime: [{ status: 'STARTING' }, { status: 'ERROR' }],
    errorInfo: ['not-ready', { recorded: RECORDED_ERROR_INFORMATION.nestedString }],
  }),
  'runtime-error-documented': () => ({
    build: ['SUCCESS'],
    runtime: [{ status: 'ERROR' }],
    errorInfo: [{ recorded: RECORDED_ERROR_INFORMATION.childInstances }],
  }),
  'error-without-details': () => ({ build: ['SUCCESS'], runtime: [{ status: 'ERROR' }], errorInfo: ['not-ready'] }),
  'license-error': () => ({
    build: ['DEPLOYING', 'FAIL_ON_LICENSE_ERROR'],
    runtime: ['not-found'],
    errorInfo: [LICENSE_ERROR],
  }),
  'invented-status': () => ({ build: ['DEPLOYING', 'SUCCESS'], runtime: [{ status: 'WARMING_UP' }] }),
  'stale-runtime': () => ({ build: ['SUCCESS'], runtime: [PREVIOUS_DEPLOY] }),
  'runtime-lag': () => ({
    build: ['DEPLOYING', 'SUCCESS'],
    runtime: [PREVIOUS_DEPLOY, 'not-found', { status: 'STARTING' }, { status: 'STARTED' }],
  }),
  // Right after a redeploy the runtime still shows the previous deploy of the same version for a while.
  redeploy: () => ({
    build: ['DEPLOYING', 'SUCCESS'],
    runtime: [
      { status: 'STARTED', deployedOn: 'earlier' },
      { status: 'STARTED', deployedOn: 'earlier' },
      { status: 'STARTING' },
      { status: 'STARTED' },
    ],
  }),
  'other-version': () => ({ build: ['SUCCESS'], runtime: [{ status: 'STARTED', version: '0.9.0' }] }),
  'not-deployed': () => ({ build: ['SUCCESS'], runtime: ['not-found'] }),
  'not-deployed-500': () => ({ build: ['SUCCESS'], runtime: ['not-found-500'] }),
  flaky: () => ({
    deploy: [fault.unavailable(0), 'accept'],
    build: [fault.unavailable(0), 'DEPLOYING', fault.tooManyRequests(0), 'SUCCESS'],
    runtime: [fault.reset(), { status: 'STARTING' }, { status: 'STARTED' }],
  }),
  // A gateway in front of the tenant refuses the deploy POST twice (no Retry-After), then it goes through.
  'deploy-gateway': () => ({
    deploy: [
      fault.unavailable(),
      { status: 502, headers: { 'content-type': 'text/plain' }, body: 'Bad Gateway' },
      'accept',
    ],
    build: ['DEPLOYING', 'SUCCESS'],
    runtime: [{ status: 'STARTED' }],
  }),
  // A 500 may have started the deploy: never sent again.
  'deploy-500': () => ({
    deploy: [
      errorBody('json', 500, 'Internal Server Error', 'Internal error while triggering the deployment'),
      'accept',
    ],
    build: ['SUCCESS'],
    runtime: [{ status: 'STARTED' }],
  }),
  endless: () => ({ build: ['DEPLOYING'], runtime: [{ status: 'STARTING' }] }),
  'rate-limited': () => ({ build: ['SUCCESS'], runtime: [fault.tooManyRequests(1), { status: 'STARTED' }] }),
  'deploy-refused': (id) => ({
    deploy: [
      errorBody(
        'json',
        400,
        'Bad Request',
        `Integration design time artifact with id '${id}' and the given version does not exist.`,
      ),
    ],
    build: ['DEPLOYING'],
    runtime: ['not-found'],
  }),
};

export type SimAuth =
  | { kind: 'oauth'; clientId: string; clientSecret: string }
  /** a certificate key: tokens from an HTTPS endpoint that requires this client certificate (mutual TLS) */
  | { kind: 'x509'; clientId: string; certificate: string; key: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'none' };

export interface SapSimulatorOptions {
  /** the default scenario for every artifact */
  scenario: string;
  /** per-artifact scenarios, overriding the default */
  artifacts?: Record<string, string>;
  /** default `json`; `xml` answers in Atom/XML whatever the Accept header says */
  format?: Format;
  /** default: OAuth with DEMO_CLIENT */
  auth?: SimAuth;
  /** POSTs need the CSRF token and session cookie of a `X-CSRF-Token: Fetch` (default true) */
  csrf?: boolean;
  /** every API request gets a login page with 200, as behind an identity provider */
  htmlLogin?: boolean;
  /**
   * The one Accept that `ErrorInformation/$value` serves; any other gets 406. Default `xml`, as tenants
   * do (406 to `application/json`, a JSON body to `application/xml`); `json` plays the documented way.
   */
  errorInfoAccept?: 'xml' | 'json';
  /**
   * How the token endpoint answers: `json` (default); `form` (form-urlencoded, as some servers do); `html`
   * (a page with the token in it); `echo` (400 quoting the request, Authorization header included).
   */
  tokenAnswer?: 'json' | 'form' | 'html' | 'echo';
  /** `expires_in` of issued tokens, seconds (default 300) */
  tokenLifetimeSeconds?: number;
  /** the first access token is refused after this many API requests, as if it expired early */
  revokeFirstTokenAfter?: number;
  /** integration packages, service endpoints and the tenant's limits (sim/sap-packages.ts) */
  packages?: PackageOptions;
  port?: number;
}

export interface SapSimulator extends SimServer {
  /** a service key for this simulator (OAuth and X.509 only) */
  serviceKey: string;
  /** X.509: the HTTPS token endpoint that requires the client certificate (its `certurl`) */
  certificateTokenServer?: SimServer;
  /** every access token handed out, to check that none leaks */
  tokensIssued: string[];
  /** artifact id → the task id of its last deploy */
  taskIds: Map<string, string>;
  /** the tenant's load: API requests in flight, 429s its bound provoked */
  tenant: PackageTrace;
}

export const DEMO_CLIENT = { clientId: 'sb-await-deploy-demo!b1234|it!b5678', clientSecret: 'demo-Secret-9f1c2e7a4b' };

const API = '/api/v1';
const ARTIFACT_TYPES: Record<string, string> = {
  DeployIntegrationDesigntimeArtifact: 'INTEGRATION_FLOW',
  DeployValueMappingDesigntimeArtifact: 'VALUE_MAPPING',
  DeployScriptCollectionDesigntimeArtifact: 'SCRIPT_COLLECTION',
  DeployMessageMappingDesigntimeArtifact: 'MESSAGE_MAPPING',
};
const DAY_MS = 86_400_000;

interface Artifact {
  deploy: () => DeployStep;
  build: () => BuildStep;
  runtime: () => RuntimeStep;
  errorInfo: () => ErrorInfoStep;
  version?: string;
  type: string;
}

export async function startSapSimulator(options: SapSimulatorOptions): Promise<SapSimulator> {
  const format = options.format ?? 'json';
  const auth = options.auth ?? { kind: 'oauth', ...DEMO_CLIENT };
  const tasks = new Map<string, string>();
  const taskIds = new Map<string, string>();
  /** access token → when it expires (epoch ms), in the order they were issued */
  const tokens = new Map<string, number>();
  const csrfSessions = new Map<string, string>();
  let apiRequestsWithFirstToken = 0;
  const tenant = packageTenant(options.packages);
  let origin = '';

  const artifactFor = perTarget(options.scenario, options.artifacts, (name, id): Artifact | undefined => {
    const steps = SCENARIOS[name]?.(id);
    return (
      steps && {
        deploy: sequence(steps.deploy ?? ['accept']),
        build: sequence(steps.build),
        runtime: sequence(steps.runtime),
        errorInfo: sequence(steps.errorInfo ?? ['not-ready']),
        type: 'INTEGRATION_FLOW',
      }
    );
  });

  const notFound = (): Reply => errorBody(format, 404, 'Not Found', 'Requested entity could not be found.');

  /** The client authenticated: with its secret (Basic), or with its certificate (mutual TLS) and client_id. */
  const clientAuthenticated = (request: RecordedRequest, form: URLSearchParams): boolean => {
    if (auth.kind === 'oauth')
      return request.headers.authorization === basicAuthorization(auth.clientId, auth.clientSecret);
    if (auth.kind !== 'x509') return false;
    return form.get('client_id') === auth.clientId && request.clientCertificate === fingerprintOf(auth.certificate);
  };

  const issueToken = (request: RecordedRequest): Reply => {
    if (auth.kind !== 'oauth' && auth.kind !== 'x509') return notFound();
    const form = new URLSearchParams(request.body);
    if (request.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
      return json(400, { error: 'unsupported_grant_type' });
    }
    if (options.tokenAnswer === 'echo') {
      // A hostile or broken endpoint that quotes what it was sent, credentials included.
      const echoed = `rejected request: authorization=${request.headers.authorization ?? ''} body=${request.body}`;
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: echoed };
    }
    if (!clientAuthenticated(request, form)) {
      return json(401, { error: 'invalid_client', error_description: 'Bad credentials' });
    }
    const token = `eyJ${randomBytes(24).toString('hex')}`;
    const lifetime = options.tokenLifetimeSeconds ?? 300;
    tokens.set(token, Date.now() + lifetime * 1000);
    if (options.tokenAnswer === 'form') {
      const body = new URLSearchParams({ access_token: token, token_type: 'bearer', expires_in: String(lifetime) });
      return { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() };
    }
    if (options.tokenAnswer === 'html') {
      const body = `<!DOCTYPE html><html><body><p>Your token: ${token}</p></body></html>`;
      return { status: 200, headers: { 'content-type': 'text/html' }, body };
    }
    return json(200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: lifetime,
      scope: 'it!b5678.IntegrationContent.Read',
      jti: randomUUID(),
    });
  };

  const authorized = (request: RecordedRequest): boolean => {
    const header = request.headers.authorization ?? '';
    if (auth.kind === 'none') return true;
    if (auth.kind === 'basic') return header === basicAuthorization(auth.username, auth.password);
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined || Date.now() >= expiresAt) return false;
    if (token === tokens.keys().next().value && options.revokeFirstTokenAfter !== undefined) {
      apiRequestsWithFirstToken += 1;
      if (apiRequestsWithFirstToken > options.revokeFirstTokenAfter) return false;
    }
    return true;
  };

  const csrfRefusal = (request: RecordedRequest): Reply | undefined => {
    if (options.csrf === false) return undefined;
    const token = String(request.headers['x-csrf-token'] ?? '');
    const session = csrfSessions.get(token);
    if (session && (request.headers.cookie ?? '').includes(`JSESSIONID=${session}`)) return undefined;
    return {
      status: 403,
      headers: { 'x-csrf-token': 'Required', 'content-type': 'text/plain' },
      body: 'CSRF token validation failed',
    };
  };

  const fetchCsrf = (): Reply => {
    const token = randomBytes(16).toString('hex');
    const session = randomBytes(12).toString('hex').toUpperCase();
    csrfSessions.set(token, session);
    const reply = serviceDocument(format);
    return {
      ...reply,
      headers: {
        ...reply.headers,
        'x-csrf-token': token,
        'set-cookie': [
          `JSESSIONID=${session}; Path=/; Secure; HttpOnly`,
          `__VCAP_ID__=${randomBytes(8).toString('hex')}; Path=/; HttpOnly`,
        ],
      },
    };
  };

  const deploy = (request: RecordedRequest, action: string): Reply => {
    if (request.method !== 'POST') return errorBody(format, 405, 'Method Not Allowed', 'Use POST to deploy');
    const type = ARTIFACT_TYPES[action];
    const id = literal(request.query.get('Id') ?? '');
    const version = literal(request.query.get('Version') ?? '');
    if (!type) return errorBody(format, 404, 'Not Found', `Resource not found for the segment '${action}'.`);
    if (id === undefined || version === undefined)
      return errorBody(format, 400, 'Bad Request', 'Invalid key predicate');
    const artifact = artifactFor(id);
    const step = artifact.deploy();
    if (step !== 'accept') return step;
    artifact.version = tenant.deployed(id, version);
    artifact.type = type;
    // Tenants answer a message-mapping deploy with an empty 202: no task id, no build status to read.
    if (type === 'MESSAGE_MAPPING') return { status: 202, headers: { 'content-type': 'text/plain' }, body: '' };
    const taskId = randomUUID().replace(/-/g, '');
    tasks.set(taskId, id);
    taskIds.set(id, taskId);
    return { status: 202, headers: { 'content-type': 'text/plain' }, body: taskId };
  };

  const buildStatus = (rawKey: string): Reply => {
    const taskId = literal(safeDecode(rawKey).replace(/^TaskId=/, ''));
    const id = taskId === undefined ? undefined : tasks.get(taskId);
    if (taskId === undefined || id === undefined) return notFound();
    const step = tenant.stillBuilding(id) ? 'DEPLOYING' : artifactFor(id).build();
    return typeof step === 'string'
      ? renderEntity(format, origin, `BuildAndDeployStatus(TaskId='${taskId}')`, 'BuildAndDeployStatus', {
          TaskId: taskId,
          Status: step,
        })
      : step;
  };

  const runtime = (id: string): Reply => {
    const artifact = artifactFor(id);
    const step = artifact.runtime();
    if (step === 'not-found') return notFound();
    if (step === 'not-found-500')
      return errorBody(format, 500, 'Internal Server Error', 'Requested entity could not be found.');
    if (isReply(step)) return step;
    const deployedVersion =
      artifact.version && artifact.version.toLowerCase() !== 'active' ? artifact.version : '1.0.0';
    const deployedOn = Date.now() - (step.deployedOn === 'earlier' ? DAY_MS : 0);
    return renderEntity(
      format,
      origin,
      `IntegrationRuntimeArtifacts('${id.replace(/'/g, "''")}')`,
      'IntegrationRuntimeArtifact',
      {
        Id: id,
        Version: step.version ?? deployedVersion,
        Name: id.replace(/_/g, ' '),
        Type: artifact.type,
        DeployedBy: auth.kind === 'basic' ? auth.username : auth.kind === 'oauth' ? auth.clientId : 'S0001234567',
        DeployedOn: deployedOn,
        Status: step.status,
      },
    );
  };

  const errorInformation = (id: string, request: RecordedRequest): Reply => {
    const served = options.errorInfoAccept === 'json' ? 'application/json' : 'application/xml';
    const accept = String(request.headers.accept ?? '');
    const refused = served === 'application/xml' ? accept.includes('application/json') : !accept.includes(served);
    if (refused) return { status: 406, headers: { 'content-type': 'text/plain' }, body: 'Not Acceptable' };
    const step = artifactFor(id).errorInfo();
    if (step === 'not-ready') return { status: 204 };
    if (isReply(step)) return step;
    // JSON whatever the Accept asked for, as a media resource's bytes.
    const body = 'recorded' in step ? step.recorded : JSON.stringify(step);
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body };
  };

  const api = (request: RecordedRequest, path: string): Reply => {
    if (options.htmlLogin) return fault.htmlLogin();
    if (!authorized(request))
      return { status: 401, headers: { 'www-authenticate': auth.kind === 'basic' ? 'Basic realm="SAP"' : 'Bearer' } };
    if (String(request.headers['x-csrf-token'] ?? '').toLowerCase() === 'fetch') return fetchCsrf();
    if (request.method === 'POST') {
      const refusal = csrfRefusal(request);
      if (refusal) return refusal;
    }
    const resource = path.slice(API.length);
    if (resource === '' || resource === '/') return serviceDocument(format);
    const packaged = tenant.answer(request, resource, format, origin);
    if (packaged) return packaged;
    const action = /^\/(Deploy\w+DesigntimeArtifact)$/.exec(resource);
    if (action) return deploy(request, action[1] ?? '');
    const task = /^\/BuildAndDeployStatus\(([^/]*)\)$/.exec(resource);
    if (task) return buildStatus(task[1] ?? '');
    const artifact = /^\/IntegrationRuntimeArtifacts\(([^/]*)\)(\/ErrorInformation\/\$value)?$/.exec(resource);
    if (artifact) {
      const id = literal(safeDecode(artifact[1] ?? ''));
      if (id === undefined) return errorBody(format, 400, 'Bad Request', 'Invalid key predicate');
      return artifact[2] ? errorInformation(id, request) : runtime(id);
    }
    return errorBody(format, 404, 'Not Found', `Resource not found for the segment '${resource.slice(1)}'.`);
  };

  const route = (request: RecordedRequest): Reply | Promise<Reply> => {
    // Matched on the path as sent: an id that was not encoded shows up as extra segments here.
    const path = request.rawPath;
    if (path === '/oauth/token') return issueToken(request);
    if (path === API || path.startsWith(`${API}/`)) return tenant.serve(() => api(request, path));
    return notFound();
  };
  const server = await startServer(route, { port: options.port });
  // BTP's cert host only takes token requests, over TLS with a client certificate.
  const certificateTokenServer =
    auth.kind === 'x509'
      ? await startServer((request) => (request.rawPath === '/oauth/token' ? issueToken(request) : notFound()), {
          https: { ...TEST_SERVER_TLS, requestCert: true, rejectUnauthorized: false },
        })
      : undefined;
  origin = server.url;
  const serviceKey = JSON.stringify(
    { oauth: serviceKeyFields(auth, server.url, certificateTokenServer?.url) },
    null,
    2,
  );
  return {
    ...server,
    close: async () => {
      await certificateTokenServer?.close();
      await server.close();
    },
    serviceKey,
    certificateTokenServer,
    get tokensIssued() {
      return [...tokens.keys()];
    },
    taskIds,
    tenant,
  };
}

/** The `oauth` part of a service key as the BTP cockpit shows it, for a secret or a certificate client. */
function serviceKeyFields(auth: SimAuth, url: string, certUrl: string | undefined): Record<string, string> {
  const common = { createdate: '2025-01-01T00:00:00.000Z', tokenurl: `${url}/oauth/token`, url };
  if (auth.kind === 'x509') {
    const { clientId, certificate, key } = auth;
    return { clientid: clientId, certificate, key, ...common, certurl: certUrl ?? '', 'credential-type': 'x509' };
  }
  const oauth = auth.kind === 'oauth';
  return { clientid: oauth ? auth.clientId : '', clientsecret: oauth ? auth.clientSecret : '', ...common };
}

const fingerprintOf = (certificate: string): string => new X509Certificate(certificate).fingerprint256;

/** `'It''s'` → `It's`; undefined when the text is not one OData string literal. */
export function literal(text: string): string | undefined {
  const match = /^'((?:[^']|'')*)'$/.exec(text);
  return match ? (match[1] ?? '').replace(/''/g, "'") : undefined;
}

const isReply = (step: object): step is Reply => typeof (step as { status?: unknown }).status === 'number';

if (import.meta.main) {
  const { runFromCommandLine } = await import('./cli.ts');
  let started: SapSimulator | undefined;
  await runFromCommandLine('sap-cloud-integration', Object.keys(SCENARIOS), async (scenario, port) => {
    started = await startSapSimulator({ scenario, port });
    return started;
  });
  console.log(`service key (paste into the service-key input or a secret):\n${started?.serviceKey ?? ''}`);
}
