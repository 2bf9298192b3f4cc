export const id = 910;
export const ids = [910];
export const modules = {

/***/ 6241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ nothingWasDone)
/* harmony export */ });
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2398);

const GATEWAY_STATUSES = new Set([502, 503, 504]);
/** Failures while connecting: nothing of the request reached the provider. */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
function nothingWasDone(error) {
    if (error.status !== undefined)
        return GATEWAY_STATUSES.has(error.status);
    const code = (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(error.cause);
    return code !== undefined && NOT_SENT_CODES.has(code);
}


/***/ }),

/***/ 8848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   LZ: () => (/* binding */ assertStatus),
/* harmony export */   SA: () => (/* binding */ assertSameTarget),
/* harmony export */   U3: () => (/* binding */ responseError),
/* harmony export */   Uv: () => (/* binding */ bodyDetail),
/* harmony export */   VA: () => (/* binding */ assertNotHtml),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   WW: () => (/* binding */ requireBody),
/* harmony export */   Y2: () => (/* binding */ parseJsonBody),
/* harmony export */   yc: () => (/* binding */ jsonErrorText)
/* harmony export */ });
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6153);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/**
 * Shared rules for answers a provider did not expect: which statuses are worth a retry, what a
 * person should check, and how much of the body goes into the message (one short line, never HTML).
 */


const CHECK_ENDPOINT = 'check url: this endpoint does not take this request';
const HINTS = {
    400: 'the provider refused the request',
    401: 'check the credentials',
    403: 'check the credentials',
    404: 'check url and id',
    405: CHECK_ENDPOINT,
    501: CHECK_ENDPOINT,
};
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const HTML_START = /^\s*(<!doctype\s+html|<html)/i;
/**
 * A 200 about another target (a cache or proxy mixing answers up, a wrong route) never counts for this
 * one: when the answer names its target and the name differs, that is a permanent error.
 */
function assertSameTarget(answered, expected, what, context) {
    if (answered === undefined)
        return;
    // An identity that is there but no string (a number, an object…) names no target this run knows.
    if (typeof answered !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(`${context}: the answer names its ${what} with ${(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonKind */ .ZC)(answered)}, not the id '${expected}' — check url and any proxy or cache in between`, { kind: 'permanent', status: 200 });
    }
    if (answered.trim() === '' || answered.trim() === expected)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(`${context}: the answer is about ${what} '${excerpt(answered, 80)}', not '${expected}' — check url and any proxy or cache in between`, { kind: 'permanent', status: 200 });
}
/** Turns a status the provider did not expect into a typed error: 429 and 5xx but 501 are worth a retry. */
function responseError(response, context) {
    const { status } = response;
    const transient = status === 429 || (status >= 500 && status !== 501);
    const hint = HINTS[status];
    const detail = bodyDetail(response);
    const message = `${context}: HTTP ${status}${hint ? ` (${hint})` : ''}${detail ? `: ${detail}` : ''}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(message, {
        kind: transient ? 'transient' : 'permanent',
        status,
        excerpt: detail,
        retryAfterMs: transient ? retryAfterMs(response.headers['retry-after'], Date.now()) : undefined,
    });
}
/** `Retry-After` as delta-seconds or HTTP-date → ms from `now`; a past date is 0, anything else undefined. */
function retryAfterMs(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^-?\d+$/.test(text))
        return Math.max(0, Number(text) * 1000);
    // Date.parse takes almost anything; an HTTP-date always carries a clock time.
    if (!/\d{1,2}:\d{2}:\d{2}/.test(text))
        return undefined;
    // asctime dates carry no zone but are GMT, as every HTTP-date is.
    const at = Date.parse(/GMT|UTC|[+-]\d{4}\b/i.test(text) ? text : `${text} GMT`);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/**
 * The answer carries one of the `accepted` statuses and is the API's own, not an HTML page. Anything else is
 * the typed error its status calls for: the status is looked at first, so a proxy's HTML 503 stays a 503,
 * worth a retry, while an HTML page with an accepted status (a login page) is a permanent error.
 */
function assertStatus(response, accepted, context) {
    if (!accepted.includes(response.status))
        throw responseError(response, context);
    assertNotHtml(response, context);
}
/** A login page or a proxy's error page is never an API answer, whatever its status. */
function assertNotHtml(response, context) {
    if (!isHtml(response))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(`${context}: got an HTML page — check url and credentials (a login page or proxy answered instead of the API)`, { kind: 'permanent', status: response.status, excerpt: 'an HTML page' });
}
/** The body, which must not be empty: an empty answer where the API sends one is unreadable, never a success. */
function requireBody(response, context) {
    if (response.body.trim() !== '')
        return response.body;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(`${context}: empty body (HTTP ${response.status})`, {
        kind: 'permanent',
        status: response.status,
    });
}
function parseJsonBody(response, context) {
    assertNotHtml(response, context);
    const body = requireBody(response, context);
    try {
        return JSON.parse(body);
    }
    catch {
        const shown = excerpt(response.body, 100);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j(`${context}: unreadable JSON (HTTP ${response.status}): ${shown}`, {
            kind: 'permanent',
            status: response.status,
            excerpt: shown,
        });
    }
}
/** One line, whitespace collapsed, at most `max` characters (cut with "…"). */
function excerpt(text, max = 200) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
function isHtml(response) {
    return HTML_TYPES.has(response.contentType) || HTML_START.test(response.body.slice(0, 1024));
}
/** What the body says about the failure, as one short line; undefined when it says nothing. */
function bodyDetail(response) {
    if (isHtml(response))
        return 'an HTML page';
    const body = response.body.trim();
    if (body === '')
        return undefined;
    const said = jsonErrorText(body) ?? xmlMessageText(body) ?? body;
    return excerpt(said) || undefined;
}
/**
 * `{"error":"text"}`, `{"error":{"reason":…}}` (OpenSearch), `{"error":{"message":{"value":…}}}` (OData),
 * `{"error":{"message":"…"}}` and `{"message":"…"}`; undefined for any other body.
 */
function jsonErrorText(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(parsed))
        return undefined;
    const { error, message } = parsed;
    if (typeof error === 'string')
        return error;
    if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(error)) {
        if (typeof error.reason === 'string')
            return error.reason;
        if (typeof error.message === 'string')
            return error.message;
        if ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(error.message) && typeof error.message.value === 'string')
            return error.message.value;
    }
    return typeof message === 'string' ? message : undefined;
}
/** OData's XML error: `<message xml:lang="en">text</message>`, with or without a namespace prefix. */
function xmlMessageText(body) {
    const match = /<(?:[\w.-]+:)?message\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?message>/i.exec(body);
    return match?.[1] === undefined ? undefined : decodeXmlEntities(match[1]);
}
const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeXmlEntities(text) {
    return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name) => XML_ENTITIES[name] ?? '');
}


/***/ }),

/***/ 6162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ notFoundSnapshot)
/* harmony export */ });
/* harmony import */ var _http_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8848);

/**
 * A target the provider does not know (yet): `not_found`, which the engine waits out for `discovery-timeout`.
 * The provider's own words, if its answer has any, follow the explanation. A login or proxy page saying
 * "not found" is a wrong url, not a missing target: an error.
 */
function notFoundSnapshot(response, context, explanation) {
    (0,_http_status_js__WEBPACK_IMPORTED_MODULE_0__/* .assertNotHtml */ .VA)(response, context);
    const said = (0,_http_status_js__WEBPACK_IMPORTED_MODULE_0__/* .bodyDetail */ .Uv)(response);
    return { state: 'not_found', providerStatus: 'NOT_FOUND', message: said ? `${explanation} (${said})` : explanation };
}


/***/ }),

/***/ 8910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OPENSEARCH_STATES: () => (/* binding */ OPENSEARCH_STATES),
  loadOpenSearchProvider: () => (/* binding */ loadOpenSearchProvider),
  opensearchProvider: () => (/* binding */ opensearchProvider),
  snapshotFromStatus: () => (/* binding */ snapshotFromStatus)
});

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/status.ts
var http_status = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/providers/auth.ts
var auth = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/providers/not-found.ts
var not_found = __webpack_require__(6162);
// EXTERNAL MODULE: ./src/providers/path-id.ts
var path_id = __webpack_require__(6065);
;// CONCATENATED MODULE: ./src/providers/opensearch/answers.ts
/**
 * What Flow Framework clusters answer beyond the happy path, 2.12 to 3.x (SPEC "What real clusters
 * answer"): which refusals of `_provision` are no failure, which 404 is no missing workflow, and which
 * 403 is no credentials problem. Pure.
 */


/** The Flow Framework's workflow API, below the cluster's URL. */
const WORKFLOW_API = '/_plugins/_flow_framework/workflow';
const STATE_REFUSAL = /provisioning state is (\w+) and can ?not be provisioned/i;
const ALREADY_PROVISIONED = /has already been provisioned|already provisioned/i;
function provisionRefusal(response) {
    if (response.status !== 400)
        return undefined;
    const text = (0,http_status/* jsonErrorText */.yc)(response.body) ?? '';
    const state = STATE_REFUSAL.exec(text)?.[1]?.toUpperCase();
    if (state === 'FAILED')
        return 'failed';
    if (state === 'UNKNOWN')
        return 'unknown';
    if (state !== undefined || ALREADY_PROVISIONED.test(text))
        return 'done';
    return undefined;
}
/**
 * A 404 `Failed to get workflow status of: <id>` is the state index not answering (no shard, a cluster
 * block), not a missing workflow: worth another read. Only `Fail to find workflow status of …` is not_found.
 */
function stateIndexUnavailable(response, context) {
    if (response.status !== 404 || !/Failed to get workflow status of/i.test((0,http_status/* jsonErrorText */.yc)(response.body) ?? ''))
        return undefined;
    return new http_errors/* HttpError */.j(`${context}: HTTP 404 (the cluster could not read its workflow state index — a missing shard or a cluster block): ${(0,http_status/* bodyDetail */.Uv)(response) ?? ''}`, { kind: 'transient', status: 404, excerpt: (0,http_status/* bodyDetail */.Uv)(response) });
}
/** 403s that a cluster setting or a header explains better than "check the credentials". */
const FORBIDDEN_BECAUSE = [
    {
        says: /API is disabled|flow_framework\.enabled/i,
        check: 'the Flow Framework API is disabled on this cluster: set plugins.flow_framework.enabled to true',
    },
    {
        says: /Tenant ID header is missing|Tenant ID can't be null/i,
        check: 'the cluster has multi-tenancy on: send the tenant id as header x-tenant-id (input headers)',
    },
];
/** `responseError` with what a Flow Framework 403 really asks for. */
function flowFrameworkError(response, context) {
    if (response.status === 403) {
        const detail = (0,http_status/* bodyDetail */.Uv)(response) ?? '';
        const reason = FORBIDDEN_BECAUSE.find(({ says }) => says.test(detail));
        if (reason) {
            return new http_errors/* HttpError */.j(`${context}: HTTP 403 (${reason.check}): ${detail}`, {
                kind: 'permanent',
                status: 403,
                excerpt: detail,
            });
        }
    }
    return (0,http_status/* responseError */.U3)(response, context);
}
/** `assertStatus` for Flow Framework answers: the same rules, with `flowFrameworkError` for the others. */
function assertFlowFrameworkStatus(response, accepted, context) {
    if (!accepted.includes(response.status))
        throw flowFrameworkError(response, context);
    (0,http_status/* assertNotHtml */.VA)(response, context);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/http/sigv4.ts
/**
 * AWS Signature V4 for Amazon OpenSearch Service (`es`) and OpenSearch Serverless (`aoss`), with `aws4`:
 * a well-kept signer without dependencies that signs synchronously (one small chunk, loaded only when a run
 * signs, so other runs do not pay for it at start-up); `@smithy/signature-v4` would bring a separate SHA-256
 * package and several `@smithy` packages into the bundle for the same result.
 */

function createSigV4Signer(settings) {
    let signer;
    return async (request) => {
        if (request.url.origin !== settings.origin)
            return request.headers;
        signer ??= __webpack_require__.e(/* import() */ 832).then(__webpack_require__.t.bind(__webpack_require__, 8832, 23)).then((module) => ('default' in module ? module.default : module));
        const { sign } = await signer;
        const headers = {
            ...request.headers,
            // OpenSearch Serverless requires the body hash as a header; the managed service accepts it too.
            'x-amz-content-sha256': (0,external_node_crypto_.createHash)('sha256')
                .update(request.body ?? '', 'utf8')
                .digest('hex'),
        };
        const signed = sign({
            host: request.url.host,
            path: `${request.url.pathname}${request.url.search}`,
            method: request.method,
            headers,
            body: request.body ?? '',
            service: settings.service,
            region: settings.region,
        }, settings.credentials);
        // undici sends the Host header of the URL itself, the very value that was signed.
        return Object.fromEntries(Object.entries(signed.headers ?? {})
            .filter(([name]) => name.toLowerCase() !== 'host')
            .map(([name, value]) => [name.toLowerCase(), String(value)]));
    };
}

;// CONCATENATED MODULE: ./src/providers/opensearch/aws.ts



function awsSigning(config, origin) {
    const aws = config.opensearch.aws;
    if (!aws)
        return undefined;
    const { username, password, token } = config.credentials;
    const other = [
        [inputs/* INPUT */.bO.username, username],
        [inputs/* INPUT */.bO.password, password],
        [inputs/* INPUT */.bO.token, token],
    ].find(([, value]) => value !== undefined)?.[0];
    if (other) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.awsRegion, `Inputs '${inputs/* INPUT */.bO.awsRegion}' and '${other}' exclude each other: with aws-region every request is signed with AWS credentials (SigV4) instead.`);
    }
    const { accessKeyId, secretAccessKey, sessionToken } = config.environment.awsCredentials;
    const missing = accessKeyId === undefined
        ? 'AWS_ACCESS_KEY_ID'
        : secretAccessKey === undefined
            ? 'AWS_SECRET_ACCESS_KEY'
            : undefined;
    if (missing || accessKeyId === undefined || secretAccessKey === undefined) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.awsRegion, `Input '${inputs/* INPUT */.bO.awsRegion}' signs requests with AWS credentials, but ${missing ?? 'a credential'} is not set in the environment: run aws-actions/configure-aws-credentials in an earlier step.`);
    }
    return {
        sign: createSigV4Signer({
            region: aws.region,
            service: aws.service,
            credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
            origin,
        }),
        secrets: [secretAccessKey, ...(sessionToken ? [sessionToken] : [])],
    };
}

// EXTERNAL MODULE: ./src/http/repeatable.ts
var repeatable = __webpack_require__(6241);
;// CONCATENATED MODULE: ./src/providers/opensearch/deploy.ts





const UNCHANGED = /Template does not contain any modifications/i;
async function findWorkflow(context, deployment, options) {
    const send = (method, path, body) => context.http.request({
        method,
        url: `${context.base}${WORKFLOW_API}${path}`,
        headers: { ...context.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
    });
    if (deployment.kind === 'use-case') {
        const id = await create(send, `?use_case=${encodeURIComponent(deployment.useCase)}`, deployment.parameters);
        context.log.info(`${id}: workflow created from use case ${deployment.useCase}`);
        return { targets: [id] };
    }
    const { template } = deployment;
    const id = deployment.id ?? (await searchByName(send, template.name));
    if (id === undefined) {
        const created = await create(send, '', template.body);
        context.log.info(`${created}: workflow '${template.name}' created from the template`);
        return { targets: [created] };
    }
    await update(context, send, id, template);
    return { targets: [id] };
}
/**
 * `POST …/workflow` (body: the template, or a use case's parameters) → the new workflow's id. Sent once, unless
 * it never reached the cluster: a create that may have happened is not repeated (a second workflow).
 */
async function create(send, query, body) {
    const context = query ? 'creating the workflow from the use case' : 'creating the workflow';
    try {
        const response = await send('POST', query, typeof body === 'string' ? body : JSON.stringify(body));
        assertFlowFrameworkStatus(response, [200, 201], context);
        return workflowIdOf(response, context);
    }
    catch (error) {
        // A 429 is the cluster refusing the request: nothing was created, and its Retry-After is kept.
        if (!(error instanceof http_errors/* HttpError */.j) || !error.transient || error.status === 429 || (0,repeatable/* nothingWasDone */.Z)(error))
            throw error;
        throw new http_errors/* HttpError */.j(`${context}: ${error.message} — the workflow may or may not have been created; look for it in the cluster before running again (a template's workflow is found by its name)`, { kind: 'permanent', status: error.status, cause: error });
    }
}
/** The one workflow whose `name` is the template's; undefined when there is none (or no templates index yet). */
async function searchByName(send, name) {
    const context = `searching the workflow named '${(0,http_status/* excerpt */.Kb)(name, 80)}'`;
    const query = { query: { term: { 'name.keyword': { value: name } } }, _source: ['name'], size: 20 };
    const response = await send('POST', '/_search', JSON.stringify(query));
    if (response.status === 404 && /index_not_found_exception/.test(response.body))
        return undefined;
    assertFlowFrameworkStatus(response, [200], context);
    const answer = (0,http_status/* parseJsonBody */.Y2)(response, context);
    const hits = (0,json/* isRecord */.u4)(answer) && (0,json/* isRecord */.u4)(answer.hits) ? answer.hits.hits : undefined;
    if (!Array.isArray(hits))
        throw new http_errors/* HttpError */.j(`${context}: the answer has no hits.hits list`, { kind: 'permanent' });
    const ids = hits.flatMap((hit) => ((0,json/* isRecord */.u4)(hit) && (0,json/* nonEmptyString */.y0)(hit._id) ? [hit._id] : []));
    if (ids.length !== hits.length)
        throw new http_errors/* HttpError */.j(`${context}: a hit has no _id`, { kind: 'permanent', status: response.status });
    if (ids.length > 1) {
        throw new http_errors/* HttpError */.j(`${ids.length} workflows are named '${(0,http_status/* excerpt */.Kb)(name, 80)}' (${ids.join(', ')}): give the one to deploy as input 'id', or delete the others — nothing was created or changed`, { kind: 'permanent' });
    }
    return ids[0];
}
/** Brings the stored template of `id` up to date, by the workflow's state; notes what the trigger is to do. */
async function update(context, send, id, template) {
    const path = `/${encodeURIComponent(id)}`;
    const state = await stateOf(send, id);
    const note = context.notes.of(id);
    if (state === 'NOT_STARTED') {
        const response = await send('PUT', path, template.body);
        assertFlowFrameworkStatus(response, [200, 201], `updating workflow ${id}`);
        context.log.info(`${id}: workflow '${template.name}' updated (not provisioned yet)`);
        return;
    }
    if (state === 'PROVISIONING') {
        // Another run's provisioning: updating it now would be refused. The engine asks again with its backoff.
        throw new http_errors/* HttpError */.j(`workflow ${id} is PROVISIONING (another run?): waiting for it to end before updating it`, {
            kind: 'transient',
        });
    }
    if (state !== 'COMPLETED' && state !== 'FAILED') {
        throw new http_errors/* HttpError */.j(`workflow ${id} has state '${(0,http_status/* excerpt */.Kb)(state, 60)}', which the action cannot update`, {
            kind: 'permanent',
        });
    }
    const response = await send('PUT', `${path}?reprovision=true`, template.body);
    if (response.status === 400) {
        const text = (0,http_status/* jsonErrorText */.yc)(response.body) ?? (0,http_status/* excerpt */.Kb)(response.body);
        if (UNCHANGED.test(text)) {
            note.update = { outcome: 'unchanged' };
            note.provisioned = 'the template is unchanged: nothing to provision, following its status';
        }
        else {
            note.update = { outcome: 'refused', text };
            note.provisioned = `the cluster refused the update: ${(0,http_status/* excerpt */.Kb)(text)}`;
        }
        return;
    }
    assertFlowFrameworkStatus(response, [200, 201, 202], `reprovisioning workflow ${id}`);
    note.provisioned = `reprovisioning requested (HTTP ${response.status})`;
}
async function stateOf(send, id) {
    const context = `status of workflow ${id}`;
    const response = await send('GET', `/${encodeURIComponent(id)}/_status`);
    const unavailable = stateIndexUnavailable(response, context);
    if (unavailable)
        throw unavailable;
    if (response.status === 404) {
        throw new http_errors/* HttpError */.j(`workflow ${id} not found — check input 'id' (without it, the workflow is found by the template's name, or created)`, { kind: 'permanent', status: 404 });
    }
    assertFlowFrameworkStatus(response, [200], `reading the ${context}`);
    const status = (0,http_status/* parseJsonBody */.Y2)(response, context);
    const state = (0,json/* isRecord */.u4)(status) ? status.state : undefined;
    if (!(0,json/* nonEmptyString */.y0)(state))
        throw new http_errors/* HttpError */.j(`${context}: the answer has no state`, { kind: 'permanent' });
    return state.trim().toUpperCase();
}
function workflowIdOf(response, context) {
    const answer = (0,http_status/* parseJsonBody */.Y2)(response, context);
    const id = (0,json/* isRecord */.u4)(answer) ? answer.workflow_id : undefined;
    if (!(0,json/* nonEmptyString */.y0)(id)) {
        throw new http_errors/* HttpError */.j(`${context}: the answer has no workflow_id (HTTP ${response.status})`, {
            kind: 'permanent',
            status: response.status,
        });
    }
    return id.trim();
}

;// CONCATENATED MODULE: ./src/providers/opensearch/notes.ts

/** At most this many `_provision` requests per workflow when its state could not be read (SPEC). */
const MAX_PROVISION_REQUESTS = 3;
class WorkflowNotes {
    notes = new Map();
    of(id) {
        let note = this.notes.get(id);
        if (!note)
            this.notes.set(id, (note = { provisionRequests: 0 }));
        return note;
    }
}
const deprovisionHint = (id) => `deprovision it (POST _plugins/_flow_framework/workflow/${id}/_deprovision) before it can be provisioned again`;
/** The status of `id` as this run's own requests explain it. */
function explainSnapshot(id, snapshot, note) {
    const { update } = note;
    if (update?.outcome === 'refused') {
        // The old template's progress says nothing about this deploy.
        const { progress: _, ...earlier } = snapshot;
        return {
            ...earlier,
            state: 'failed',
            message: `the cluster refused the template update: ${(0,http_status/* excerpt */.Kb)(update.text)}`,
        };
    }
    if (update?.outcome === 'unchanged') {
        if (snapshot.state === 'succeeded')
            return { ...snapshot, message: `unchanged (the template has no modifications): ${snapshot.message}` };
        if (snapshot.state === 'failed') {
            return {
                ...snapshot,
                message: `${snapshot.message} — the template is unchanged since that failed run: change the template, or ${deprovisionHint(id)}`,
            };
        }
    }
    if (note.failedEarlier && snapshot.state === 'failed') {
        return { ...snapshot, message: `${snapshot.message} — it failed in an earlier run: ${deprovisionHint(id)}` };
    }
    return snapshot;
}

;// CONCATENATED MODULE: ./src/providers/opensearch/progress.ts
/**
 * A provisioning workflow's progress, when the action knows its template: the resources created so far
 * against the template's provision steps (each creates one). Never 100 before the plugin says COMPLETED,
 * and nothing where the plugin gave a figure itself or the template has no steps. Pure.
 */
function withTemplateProgress(snapshot, provisionSteps) {
    if (snapshot.state !== 'in_progress' || snapshot.progress !== undefined || provisionSteps <= 0)
        return snapshot;
    const created = (snapshot.components ?? []).filter((component) => component.kind === 'resource').length;
    return { ...snapshot, progress: Math.min(99, Math.floor((100 * created) / provisionSteps)) };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/providers/opensearch/template.ts
/**
 * The `template` input: a workspace file or the template itself, JSON or YAML, checked and filled with
 * `parameters` before any request (SPEC "opensearch-flow-framework, templates").
 */





const TEMPLATE_FILE = /\.(json|ya?ml)$/i;
let loadedYaml;
/** Loads the YAML parser: a run pays for it at start-up only when it has a template to read. */
async function loadYamlParser() {
    loadedYaml ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
}
/** The parser `loadYamlParser` loaded: a caller that forgot to load it is a bug, not a template that is not YAML. */
function yamlParser() {
    if (!loadedYaml)
        throw new Error('the YAML parser was not loaded (loadYamlParser) before a template was read');
    return loadedYaml;
}
/** Reads (when it is a path), parses and fills the template; throws InputError before any request. */
function loadTemplate(text, workspace, parameters) {
    const isFile = !text.includes('\n') && TEMPLATE_FILE.test(text.trim());
    const source = isFile ? readWorkspaceFile(text.trim(), workspace) : { text, yaml: !text.trim().startsWith('{') };
    const template = parseTemplate(source.text, source.yaml, isFile ? `file '${text.trim()}'` : 'text');
    if (!(0,json/* nonEmptyString */.y0)(template.name)) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.template, `Input '${inputs/* INPUT */.bO.template}' has no 'name': a workflow template needs one (it is how the workflow is found again).`);
    }
    return {
        name: template.name,
        body: JSON.stringify(fillPlaceholders(template, parameters)),
        provisionSteps: provisionStepsOf(template),
    };
}
function provisionStepsOf(template) {
    const workflows = template.workflows;
    const provision = (0,json/* isRecord */.u4)(workflows) ? workflows.provision : undefined;
    const nodes = (0,json/* isRecord */.u4)(provision) ? provision.nodes : undefined;
    return Array.isArray(nodes) ? nodes.length : 0;
}
function readWorkspaceFile(path, workspace) {
    const root = (0,external_node_path_.resolve)(workspace || '.');
    const outside = () => new errors/* InputError */.d(inputs/* INPUT */.bO.template, `Input '${inputs/* INPUT */.bO.template}' names '${path}', which is outside the workspace.`);
    const full = (0,external_node_path_.resolve)(root, path);
    if (isOutside(root, full))
        throw outside();
    let text;
    try {
        // A link inside the workspace may point anywhere: where it really leads must be inside too.
        if (isOutside((0,external_node_fs_.realpathSync)(root), (0,external_node_fs_.realpathSync)(full)))
            throw outside();
        text = (0,external_node_fs_.readFileSync)(full, 'utf8');
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            throw error;
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.template, `Input '${inputs/* INPUT */.bO.template}' names '${path}', which cannot be read in the workspace.`);
    }
    return { text, yaml: !/\.json$/i.test(path) };
}
function isOutside(root, path) {
    const inside = (0,external_node_path_.relative)(root, path);
    return inside === '' || inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside);
}
function parseTemplate(text, yaml, what) {
    let parsed;
    const parser = yaml ? yamlParser() : undefined;
    try {
        parsed = parser ? parser.parse(text, { uniqueKeys: true }) : JSON.parse(text);
    }
    catch {
        // The parser's message may quote the template, and the template may hold secrets.
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.template, `Input '${inputs/* INPUT */.bO.template}' (${what}) is not valid ${yaml ? 'YAML' : 'JSON'}.`);
    }
    if (!(0,json/* isRecord */.u4)(parsed)) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.template, `Input '${inputs/* INPUT */.bO.template}' (${what}) is not a workflow template: expected an object with 'name' and 'workflows'.`);
    }
    return parsed;
}
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
/**
 * Fills every `${{ key }}` whose key is in `parameters`, in every string of the template; the others (a
 * step's output such as `${{ create_connector.connector_id }}`) stay for the plugin. Pure.
 */
function fillPlaceholders(value, parameters) {
    if (typeof value === 'string') {
        return value.replace(PLACEHOLDER, (placeholder, key) => Object.hasOwn(parameters, key) ? parameters[key] : placeholder);
    }
    if (Array.isArray(value))
        return value.map((item) => fillPlaceholders(item, parameters));
    if ((0,json/* isRecord */.u4)(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, parameters)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/providers/opensearch.ts















/** Flow Framework `state` → normalized state (SPEC "opensearch-flow-framework"). */
const OPENSEARCH_STATES = {
    NOT_STARTED: 'pending',
    PROVISIONING: 'in_progress',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
};
const opensearchProvider = {
    canTrigger: true,
    prepare(config) {
        const { template, useCase, parameters } = config.opensearch;
        if (config.ids.length === 0 && template === undefined && useCase === undefined) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is required for opensearch-flow-framework: the workflow id(s) — or give a '${inputs/* INPUT */.bO.template}' or '${inputs/* INPUT */.bO.useCase}' to deploy.`);
        }
        if (template !== undefined && config.ids.length > 1) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' names one workflow at most with '${inputs/* INPUT */.bO.template}': the one to update.`);
        }
        if (useCase !== undefined && config.ids.length > 0) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is not used with '${inputs/* INPUT */.bO.useCase}': the workflow is created.`);
        }
        (0,path_id/* assertPathSegmentIds */.B)(config.ids, 'a workflow id');
        // A lone username or password is a typo: refused here, before any request.
        (0,auth/* basicCredentials */.BG)(config.credentials);
        const base = clusterBase(config);
        const signing = awsSigning(config, new URL(base).origin);
        const deployment = template !== undefined
            ? {
                kind: 'template',
                template: loadTemplate(template, config.environment.workspace, parameters),
                id: config.ids[0],
            }
            : useCase !== undefined
                ? { kind: 'use-case', useCase, parameters }
                : undefined;
        return {
            targets: config.ids,
            endpoint: base,
            secrets: [...Object.values(parameters).filter(isMaskable), ...(signing?.secrets ?? [])],
            sign: signing?.sign,
            open: (context) => openSession(context, base, deployment),
        };
    },
};
/** The provider, with what `prepare` will need for these inputs loaded (the YAML parser for a template). */
async function loadOpenSearchProvider(config) {
    if (config.opensearch.template !== undefined)
        await loadYamlParser();
    return opensearchProvider;
}
/** Masking `1` or `on` would blank every occurrence in the job log; such values are no credentials. */
const isMaskable = (value) => value.length >= 4;
/** The cluster's URL without query, fragment or trailing slash: the API paths are added to it. */
function clusterBase(config) {
    return (0,values/* displayEndpoint */.OI)(new URL(config.url ?? ''));
}
function workflowUrl(base, id, action) {
    return `${base}${WORKFLOW_API}/${encodeURIComponent(id)}/${action}${action === '_status' ? '?all=true' : ''}`;
}
function openSession({ config, http, log }, base, deployment) {
    const headers = { accept: 'application/json', ...(0,auth/* basicOrBearer */.FO)(config.credentials) };
    const notes = new WorkflowNotes();
    /** One `_provision`; a refusal for the workflow's state is noted, not thrown: its status tells the rest. */
    async function provision(id, { signal, timeoutMs }) {
        const note = notes.of(id);
        note.provisionRequests += 1;
        const response = await http.request({
            method: 'POST',
            url: workflowUrl(base, id, '_provision'),
            headers,
            signal,
            timeoutMs,
        });
        const refusal = provisionRefusal(response);
        note.stateUnknown = refusal === 'unknown';
        if (refusal === 'failed') {
            note.failedEarlier = true;
            return `${id}: not provisioned again — an earlier run failed; following its status`;
        }
        if (refusal === 'unknown')
            return `${id}: the cluster could not read the workflow state — reading it`;
        if (refusal === 'done')
            return `${id}: already provisioned or provisioning — following its status`;
        assertFlowFrameworkStatus(response, [200, 202], `provisioning workflow ${id}`);
        return `${id}: provisioning requested (HTTP ${response.status})`;
    }
    return {
        ...(deployment && {
            findTargets: (options) => findWorkflow({ http, base, headers, notes, log }, deployment, options),
        }),
        // A second _provision answers "already provisioned": harmless.
        canRepeatTrigger: () => true,
        async trigger(id, options) {
            const provisioned = notes.of(id).provisioned;
            return { message: provisioned ? `${id}: ${provisioned}` : await provision(id, options) };
        },
        async read(id, options) {
            const { signal, timeoutMs } = options;
            const response = await http.request({ url: workflowUrl(base, id, '_status'), headers, signal, timeoutMs });
            const context = `status of workflow ${id}`;
            if (response.status === 404) {
                const unavailable = stateIndexUnavailable(response, context);
                if (unavailable)
                    throw unavailable;
                return (0,not_found/* notFoundSnapshot */.u)(response, context, `workflow ${id} not found — check url and id`);
            }
            assertFlowFrameworkStatus(response, [200], `reading the ${context}`);
            const status = (0,http_status/* parseJsonBody */.Y2)(response, context);
            (0,http_status/* assertSameTarget */.SA)((0,json/* isRecord */.u4)(status) ? status.workflow_id : undefined, id, 'workflow', context);
            const note = notes.of(id);
            const read = snapshotFromStatus(status);
            const steps = deployment?.kind === 'template' ? deployment.template.provisionSteps : 0;
            const snapshot = explainSnapshot(id, withTemplateProgress(read, steps), note);
            // The state could not be read when it was provisioned: now that it reads NOT_STARTED, provision it again.
            if (note.stateUnknown && snapshot.state === 'pending' && note.provisionRequests < MAX_PROVISION_REQUESTS) {
                return { ...snapshot, message: `${snapshot.message} — ${await provision(id, options)}` };
            }
            return snapshot;
        },
    };
}
/** Maps one `_status?all=true` body to a snapshot. Pure. */
function snapshotFromStatus(status) {
    if (!(0,json/* isRecord */.u4)(status))
        throw unreadable('the body is not a JSON object');
    const word = typeof status.state === 'string' ? status.state : '';
    const state = (0,json/* lookupWord */.Vr)(OPENSEARCH_STATES, word) ?? 'unknown';
    const components = resources(status.resources_created);
    const error = typeof status.error === 'string' && status.error.trim() !== '' ? status.error.trim() : undefined;
    const snapshot = {
        state,
        providerStatus: word || '(no state)',
        message: describe(state, word, error, components.length),
        components,
    };
    const progress = progressOf(state, status.provisioning_progress);
    if (progress !== undefined)
        snapshot.progress = progress;
    const startedAt = timestamp(status.provision_start_time);
    if (startedAt)
        snapshot.startedAt = startedAt;
    const completedAt = timestamp(status.provision_end_time);
    if (completedAt)
        snapshot.completedAt = completedAt;
    if (error)
        snapshot.logs = [{ level: 'ERROR', message: error }];
    return snapshot;
}
function describe(state, word, error, resourceCount) {
    const created = `${resourceCount} resource${resourceCount === 1 ? '' : 's'} created`;
    switch (state) {
        case 'pending':
            return 'workflow created, provisioning not started';
        case 'in_progress':
            return `provisioning, ${created}`;
        case 'succeeded':
            return `provisioned, ${created}`;
        case 'failed':
            return error ? `provisioning failed: ${(0,http_status/* excerpt */.Kb)(error)}` : 'provisioning failed';
        default:
            return word ? `unrecognized workflow state '${(0,http_status/* excerpt */.Kb)(word, 60)}'` : 'the status has no state field';
    }
}
/** `provisioning_progress` is a word (NOT_STARTED, IN_PROGRESS, DONE) on most versions; a number is taken as a percentage. */
function progressOf(state, value) {
    if (state === 'succeeded')
        return 100;
    if (typeof value === 'number' && Number.isFinite(value))
        return Math.min(100, Math.max(0, Math.round(value)));
    if (typeof value === 'string' && value.toUpperCase() === 'NOT_STARTED')
        return 0;
    return undefined;
}
function resources(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter(json/* isRecord */.u4).map((resource) => {
        const details = {};
        for (const key of ['resource_type', 'resource_id', 'workflow_step_id']) {
            const field = resource[key];
            if (typeof field === 'string' || typeof field === 'number')
                details[key] = String(field);
        }
        return {
            name: [resource.workflow_step_name, resource.workflow_step_id].find(json/* nonEmptyString */.y0) ?? 'step',
            kind: 'resource',
            state: 'succeeded',
            details,
        };
    });
}
/** Epoch milliseconds (the plugin's format) or an ISO string → ISO string. */
function timestamp(value) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
        return new Date(value).toISOString();
    if (typeof value === 'string' && value.trim() !== '') {
        const parsed = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
        return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
    }
    return undefined;
}
const unreadable = (why) => new http_errors/* HttpError */.j(`unreadable workflow status: ${why}`, { kind: 'permanent' });


/***/ }),

/***/ 6065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ assertPathSegmentIds)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4389);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/**
 * Ids that go into a URL path as one segment. `.` and `..` cannot: URL parsing resolves them, even
 * percent-encoded, so the request would reach another resource than the id's.
 */
function assertPathSegmentIds(ids, what) {
    const dots = ids.find((id) => /^\.{1,2}$/.test(id));
    if (dots === undefined)
        return;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.id, `Input '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.id}' has '${dots}', which cannot be ${what}: it would address another path on the server.`);
}


/***/ })

};
