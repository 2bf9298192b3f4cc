export const id = 748;
export const ids = [748];
export const modules = {

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ ownEntry),
/* harmony export */   Vr: () => (/* binding */ lookupWord),
/* harmony export */   ZC: () => (/* binding */ jsonKind),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   y0: () => (/* binding */ nonEmptyString)
/* harmony export */ });
/** Type guards for JSON of unknown shape, and lookups of the words it carries. */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';
/** `table[key]` for the table's own entries only: a provider word like `constructor` is not a state. */
function ownEntry(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
/** A provider word in a table keyed by upper-case words: compared case-insensitively, surrounding spaces ignored. */
function lookupWord(table, word) {
    return ownEntry(table, word.trim().toUpperCase());
}
/** What a JSON value is, in words, for a message about a field of the wrong type (the value itself may be huge). */
function jsonKind(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return 'a string';
    return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value).slice(0, 40)}`;
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
/* harmony export */   WW: () => (/* binding */ requireBody),
/* harmony export */   Y2: () => (/* binding */ parseJsonBody),
/* harmony export */   yc: () => (/* binding */ jsonErrorText)
/* harmony export */ });
/* unused harmony export retryAfterMs */
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

/***/ 7748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sapProvider: () => (/* binding */ sapProvider)
});

// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/http/status.ts
var http_status = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/providers/not-found.ts
var not_found = __webpack_require__(6162);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/providers/sap/odata.ts



/** `artifact-type` → the action that deploys it. */
const DEPLOY_ACTIONS = {
    'integration-flow': 'DeployIntegrationDesigntimeArtifact',
    'value-mapping': 'DeployValueMappingDesigntimeArtifact',
    'script-collection': 'DeployScriptCollectionDesigntimeArtifact',
    'message-mapping': 'DeployMessageMappingDesigntimeArtifact',
};
/** An OData string literal: `It's` → `'It''s'`. */
const odataLiteral = (value) => `'${value.replace(/'/g, "''")}'`;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * The literal percent-encoded for a path segment or a query value: `/ ? # % & =`, spaces and
 * non-ASCII are encoded, so an id can never leave its key predicate or add query parameters.
 */
const encodedLiteral = (value) => 
// encodeURIComponent throws on a lone surrogate; such an id cannot exist on the tenant anyway.
encodeURIComponent(odataLiteral(value.replace(LONE_SURROGATE, '\uFFFD')));
const sapUrls = {
    /** `GET {root}/` with `X-CSRF-Token: Fetch` */
    csrf: (root) => `${root}/`,
    deploy: (root, type, id, version) => `${root}/${DEPLOY_ACTIONS[type]}?Id=${encodedLiteral(id)}&Version=${encodedLiteral(version)}`,
    buildStatus: (root, taskId) => `${root}/BuildAndDeployStatus(TaskId=${encodedLiteral(taskId)})`,
    runtime: (root, id) => `${root}/IntegrationRuntimeArtifacts(${encodedLiteral(id)})`,
    errorInformation: (root, id) => `${sapUrls.runtime(root, id)}/ErrorInformation/$value`,
};
/** `{"d":{…}}` (OData V2), or the properties at the top level (V4); undefined for anything else. */
function entityFromJson(value) {
    if (!(0,json/* isRecord */.u4)(value))
        return undefined;
    return simpleProperties((0,json/* isRecord */.u4)(value.d) ? value.d : value);
}
/** The first `<m:properties>` of an Atom entry (or a bare `<m:properties>`); undefined when there is none. */
async function entityFromXml(text) {
    let document;
    try {
        document = await parseXml(text);
    }
    catch {
        return undefined;
    }
    const properties = findProperties(document, 0);
    return properties ? simpleProperties(properties) : undefined;
}
/** Reads the one entity a 200 answer carries, in whichever format the tenant chose. */
async function readEntity(response, context) {
    const xml = isXml(response);
    const entity = xml
        ? await entityFromXml((0,http_status/* requireBody */.WW)(response, context))
        : entityFromJson((0,http_status/* parseJsonBody */.Y2)(response, context));
    if (!entity) {
        throw new errors/* HttpError */.j(`${context}: unreadable answer (HTTP ${response.status}), no OData entity: ${(0,http_status/* excerpt */.Kb)(response.body, 100)}`, {
            kind: 'permanent',
            status: response.status,
        });
    }
    return entity;
}
/**
 * The deploy answer's task id: the body as plain text (SAP's documented answer), `{"d":{"TaskId":…}}`, or
 * the function-import form `{"d":{"Deploy…DesigntimeArtifact":…}}`. Undefined for an empty body, which is
 * how tenants answer a message-mapping deploy: there is no task to follow then. Throws when a body is
 * there but carries no readable task id.
 */
function taskIdFrom(response, context) {
    const body = response.body.trim();
    if (body === '')
        return undefined;
    const taskId = body.startsWith('{') || body.startsWith('"') ? taskIdFromJson(body) : body;
    if (taskId === undefined || !/^[^\s<>]{1,200}$/.test(taskId)) {
        throw new errors/* HttpError */.j(`${context}: answered ${response.status} without a readable task id: ${(0,http_status/* excerpt */.Kb)(body, 100)}`, {
            kind: 'permanent',
            status: response.status,
        });
    }
    return taskId;
}
/** OData V2 JSON `/Date(1700000000000)/` (optionally with an offset), ISO 8601, or Atom's zone-less UTC → epoch ms. */
function parseODataDate(text) {
    const value = text?.trim();
    if (!value)
        return undefined;
    // The offset of a DateTimeOffset is informational: the milliseconds are UTC already.
    const odata = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
    if (odata)
        return Number(odata[1]);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value))
        return undefined;
    const ms = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
    return Number.isNaN(ms) ? undefined : ms;
}
function taskIdFromJson(body) {
    let value;
    try {
        value = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if ((0,json/* nonEmptyString */.y0)(value))
        return value.trim();
    const entity = entityFromJson(value) ?? {};
    const functionImport = Object.keys(entity).find((name) => /^Deploy\w+DesigntimeArtifact$/.test(name));
    const taskId = entity.TaskId ?? (functionImport && entity[functionImport]);
    return (0,json/* nonEmptyString */.y0)(taskId) ? taskId.trim() : undefined;
}
/** By content type, or by the first character when the type says nothing useful. */
function isXml(response) {
    if (/[/+]xml$/.test(response.contentType))
        return true;
    if (response.contentType.endsWith('json'))
        return false;
    return response.body.trimStart().startsWith('<');
}
// Loaded only when a tenant answers in XML: most runs never pay for the parser's start-up.
async function parseXml(text) {
    const { XMLParser } = await __webpack_require__.e(/* import() */ 512).then(__webpack_require__.bind(__webpack_require__, 9131));
    const parser = new XMLParser({
        removeNSPrefix: true,
        ignoreAttributes: true,
        // Versions like `1.10` must stay text, not become the number 1.1.
        parseTagValue: false,
        trimValues: true,
    });
    return parser.parse(text, true);
}
function findProperties(node, depth) {
    if (!(0,json/* isRecord */.u4)(node) || depth > 8)
        return undefined;
    if ((0,json/* isRecord */.u4)(node.properties))
        return node.properties;
    for (const child of Object.values(node)) {
        const found = findProperties(Array.isArray(child) ? child[0] : child, depth + 1);
        if (found)
            return found;
    }
    return undefined;
}
/** Edm.String keys: any other JSON type there names no artifact or task of this run. */
const IDENTITY_FIELDS = new Set(['Id', 'TaskId']);
/** undefined when nothing is left: a body without a single property is not an answer. */
function simpleProperties(record) {
    const entity = {};
    for (const [name, value] of Object.entries(record)) {
        if (IDENTITY_FIELDS.has(name) && typeof value !== 'string' && value !== undefined) {
            throw new errors/* HttpError */.j(`the answer names its ${name} with ${(0,json/* jsonKind */.ZC)(value)}, not a string id — check url and any proxy or cache in between`, { kind: 'permanent', status: 200 });
        }
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
            entity[name] = String(value);
    }
    return Object.keys(entity).length > 0 ? entity : undefined;
}

;// CONCATENATED MODULE: ./src/providers/sap/shared-value.ts
/**
 * One value (an access token, a CSRF token) fetched once for all concurrent callers, and again when it
 * expires or the server refuses it. Several targets start at once: they must not each fetch a token.
 */
class SharedValue {
    fetch;
    now;
    pending;
    settled;
    constructor(fetch, now) {
        this.fetch = fetch;
        this.now = now;
    }
    async get(options) {
        if (this.settled && this.now() >= (this.settled.expiresAtMs ?? Infinity))
            this.clear();
        if (!this.pending) {
            const pending = this.fetch(options);
            this.pending = pending;
            pending.then((fetched) => {
                if (this.pending === pending)
                    this.settled = fetched;
            }, () => {
                // A failed fetch is not kept: the next call tries again.
                if (this.pending === pending)
                    this.pending = undefined;
            });
        }
        return (await this.pending).value;
    }
    /** The current value without fetching one; undefined when none was fetched or it expired. */
    peek() {
        const { settled } = this;
        return settled && this.now() < (settled.expiresAtMs ?? Infinity) ? settled.value : undefined;
    }
    /** The server refused `value`: the next `get` fetches a new one, unless a newer one is already there. */
    discard(value) {
        if (this.settled?.value === value)
            this.clear();
    }
    clear() {
        this.pending = undefined;
        this.settled = undefined;
    }
}

;// CONCATENATED MODULE: ./src/providers/sap/api.ts
/**
 * Requests to the tenant with the credentials attached: one new OAuth token after a 401, and the
 * CSRF token + session cookies SAP wants on a POST (always fetched first with Basic auth, otherwise
 * when a POST is refused with `X-CSRF-Token: Required`).
 */



class SapApi {
    options;
    csrf;
    constructor(options) {
        this.options = options;
        this.csrf = new SharedValue((call) => this.fetchCsrf(call), options.now);
    }
    /** `headers` may replace the default `Accept: application/json`. */
    get(url, call, headers = {}) {
        return this.send('GET', url, call, headers);
    }
    async post(url, call) {
        const csrf = this.options.csrfUpFront ? await this.csrf.get(call) : this.csrf.peek();
        const response = await this.send('POST', url, call, csrfHeaders(csrf));
        if (!csrfRequired(response))
            return response;
        if (csrf)
            this.csrf.discard(csrf);
        return this.send('POST', url, call, csrfHeaders(await this.csrf.get(call)));
    }
    async send(method, url, call, headers) {
        const { http, authorizer } = this.options;
        const attempt = (authorization) => http.request({
            method,
            url,
            headers: { accept: 'application/json', ...headers, authorization },
            signal: call.signal,
            timeoutMs: call.timeoutMs,
        });
        const authorization = await authorizer.header(call);
        const response = await attempt(authorization);
        if (response.status !== 401 || !authorizer.refused(authorization))
            return response;
        return attempt(await authorizer.header(call));
    }
    async fetchCsrf(call) {
        const context = 'fetching a CSRF token';
        const response = await this.send('GET', sapUrls.csrf(this.options.root), call, { 'x-csrf-token': 'Fetch' });
        (0,http_status/* assertStatus */.LZ)(response, [200, 204], context);
        const header = response.headers['x-csrf-token']?.trim();
        const token = header && header.toLowerCase() !== 'required' ? header : undefined;
        const cookie = cookieHeader(response.setCookies);
        if (token)
            this.options.mask(token);
        for (const pair of cookie?.split('; ') ?? [])
            this.options.mask(pair.slice(pair.indexOf('=') + 1));
        return { value: { token, cookie } };
    }
}
/** A 403 that only says a CSRF token is missing or stale. */
function csrfRequired(response) {
    return response.status === 403 && response.headers['x-csrf-token']?.trim().toLowerCase() === 'required';
}
/** `Set-Cookie` lines → one `Cookie` header (name=value pairs only); undefined when none. */
function cookieHeader(setCookies) {
    const pairs = setCookies.map((line) => (line.split(';', 1)[0] ?? '').trim()).filter((pair) => pair.includes('='));
    return pairs.length > 0 ? pairs.join('; ') : undefined;
}
function csrfHeaders(csrf) {
    const headers = {};
    if (csrf?.token)
        headers['x-csrf-token'] = csrf.token;
    if (csrf?.cookie)
        headers.cookie = csrf.cookie;
    return headers;
}

// EXTERNAL MODULE: ./src/providers/auth.ts
var providers_auth = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/providers/sap/auth.ts
/** The Authorization header for SAP requests: Basic, a fixed bearer token, or OAuth2 client credentials. */






/** Refresh this much before `expires_in` runs out, so a token never expires on its way to the tenant. */
function refreshMarginMs(lifetimeMs) {
    return Math.min(60_000, lifetimeMs / 10);
}
function createAuthorizer(auth, dependencies) {
    if (auth.kind === 'basic')
        return fixed((0,providers_auth/* basicAuthorization */.aR)(auth.username, auth.password));
    if (auth.kind === 'bearer')
        return fixed((0,providers_auth/* bearerAuthorization */.Dv)(auth.token));
    const tokens = new SharedValue((options) => fetchToken(auth, dependencies, options), dependencies.now);
    return {
        header: async (options) => (0,providers_auth/* bearerAuthorization */.Dv)(await tokens.get(options)),
        refused(header) {
            tokens.discard(header.slice('Bearer '.length));
            return true;
        },
    };
}
const fixed = (header) => ({ header: async () => header, refused: () => false });
async function fetchToken(auth, { http, mask, now }, options) {
    const context = `requesting an OAuth token from ${(0,values/* displayEndpoint */.OI)(new URL(auth.tokenUrl))}`;
    const requestedAt = now();
    const response = await http.request({
        method: 'POST',
        url: auth.tokenUrl,
        headers: {
            authorization: (0,providers_auth/* basicAuthorization */.aR)(auth.clientId, auth.clientSecret),
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: options.signal,
        timeoutMs: options.timeoutMs,
    });
    (0,http_status/* assertStatus */.LZ)(response, [200], context);
    const answer = (0,http_status/* parseJsonBody */.Y2)(response, context);
    const token = (0,json/* isRecord */.u4)(answer) ? answer.access_token : undefined;
    if (!(0,json/* nonEmptyString */.y0)(token)) {
        throw new errors/* HttpError */.j(`${context}: the answer has no access_token`, { kind: 'permanent', status: response.status });
    }
    mask(token);
    const lifetimeMs = (0,json/* isRecord */.u4)(answer) ? secondsToMs(answer.expires_in) : undefined;
    if (lifetimeMs === undefined)
        return { value: token };
    return { value: token, expiresAtMs: requestedAt + lifetimeMs - refreshMarginMs(lifetimeMs) };
}
function secondsToMs(value) {
    const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

;// CONCATENATED MODULE: ./src/providers/sap/error-information.ts


const MAX_LINES = 20;
const MAX_DEPTH = 6;
const SUMMARY_LENGTH = 400;
const LINE_LENGTH = 2000;
/** `Failed to compile {0}` + `["x.groovy"]` → `Failed to compile x.groovy`; placeholders without a parameter stay. */
function fillParameters(text, parameters) {
    return text.replace(/\{(\d+)\}/g, (placeholder, index) => {
        const value = parameters[Number(index)];
        // A list or object would print as its nested contents (and overflow the stack when deep): it stays a placeholder.
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : placeholder;
    });
}
/** The details in a body of ErrorInformation/$value (JSON whatever its content type); plain text as it is. */
function errorDetailsFrom(body) {
    const text = body.trim();
    if (text === '')
        return undefined;
    const tree = parseJson(text);
    if (tree === undefined)
        return plain(text);
    const lines = (0,json/* isRecord */.u4)(tree) ? linesOf(tree) : typeof tree === 'string' ? textLines(tree) : [];
    if (lines.length === 0)
        return undefined;
    return { summary: summaryOf(lines), logs: lines.map((message) => ({ level: 'ERROR', message })) };
}
function plain(text) {
    return { summary: (0,http_status/* excerpt */.Kb)(text, SUMMARY_LENGTH), logs: [{ level: 'ERROR', message: (0,http_status/* excerpt */.Kb)(text, LINE_LENGTH) }] };
}
/** All of it when it fits; else what failed (the first line) and why (the last, the innermost cause). */
function summaryOf(lines) {
    const all = lines.join(' — ');
    if (all.length <= SUMMARY_LENGTH || lines.length < 2)
        return (0,http_status/* excerpt */.Kb)(all, SUMMARY_LENGTH);
    const first = (0,http_status/* excerpt */.Kb)(lines[0] ?? '', SUMMARY_LENGTH / 2);
    return (0,http_status/* excerpt */.Kb)(`${first} — ${lines[lines.length - 1] ?? ''}`, SUMMARY_LENGTH);
}
/** Every line of the tree, outermost first, without repeats (tenants repeat the cause at every level). */
function linesOf(tree) {
    const lines = [];
    const add = (line) => {
        const shown = (0,http_status/* excerpt */.Kb)(line, LINE_LENGTH);
        if (shown && lines.length < MAX_LINES && !lines.includes(shown))
            lines.push(shown);
    };
    const visit = (node, depth) => {
        if (lines.length >= MAX_LINES || depth > MAX_DEPTH)
            return;
        nodeLines(node, depth).forEach(add);
        for (const child of childrenOf(node))
            visit(child, depth + 1);
    };
    visit(tree, 0);
    return lines;
}
function childrenOf(node) {
    const children = [node.childInstances, node.childMessageInstances].flatMap((list) => Array.isArray(list) ? list : []);
    return children.filter(json/* isRecord */.u4);
}
/**
 * One level's lines: its text with `{n}` filled from this level's own parameters, then the parameters no
 * placeholder used (where tenants put the diagnostic), then the message id when nothing else is said.
 */
function nodeLines(node, depth) {
    const message = node.message;
    const inner = (0,json/* isRecord */.u4)(message) ? message : {};
    const parameters = [node.parameter, inner.parameter, node.parameters].find(Array.isArray) ?? [];
    const template = typeof inner.messageText === 'string' ? inner.messageText : '';
    const used = new Set([...template.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])));
    const lines = [];
    const text = fillParameters(template, parameters).trim();
    if (text)
        lines.push(text);
    parameters.forEach((parameter, index) => {
        if (!used.has(index))
            lines.push(...parameterLines(parameter, depth));
    });
    if (lines.length > 0)
        return lines;
    // The nested form's `message` is a label ("EXCEPTION", "CAUSE"): shown only when nothing else is.
    if (typeof message === 'string' && message.trim())
        return [message.trim()];
    const id = typeof inner.messageId === 'string' ? inner.messageId.trim() : '';
    return id ? [id] : [];
}
/** A parameter: text (maybe several lines), or a whole nested tree as a JSON string. */
function parameterLines(parameter, depth) {
    if (typeof parameter === 'number' || typeof parameter === 'boolean')
        return [String(parameter)];
    if (typeof parameter !== 'string')
        return [];
    const text = parameter.trim();
    if (text.startsWith('{') && depth < MAX_DEPTH) {
        const nested = parseJson(text);
        if ((0,json/* isRecord */.u4)(nested))
            return linesOf(nested);
    }
    return textLines(text);
}
/**
 * Lines of a text; a nested document the tenant cut off itself still has its newlines escaped, so `\n`
 * counts as one. Lines that only point at a column (`^`, `*`) say nothing on their own.
 */
function textLines(text) {
    const unescaped = text.includes('\n') ? text : text.replace(/\\n/g, '\n');
    return unescaped
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && line.replace(/[\s*^]/g, '') !== '');
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/providers/sap/states.ts
/**
 * SAP's status words → normalized states (SPEC "sap-cloud-integration"), and the snapshots built
 * from one BuildAndDeployStatus or IntegrationRuntimeArtifacts entity. Pure.
 */



const BUILD_STATES = {
    DEPLOYING: 'in_progress',
    SUCCESS: 'built',
    FAIL: 'failed',
    FAIL_ON_LICENSE_ERROR: 'failed',
};
/** Phase 2, the artifact in the runtime. */
const RUNTIME_STATES = {
    STARTED: 'succeeded',
    STARTING: 'in_progress',
    STOPPING: 'in_progress',
    ERROR: 'failed',
};
const NO_STATUS = '(no status)';
/** A BuildAndDeployStatus entity that is not SUCCESS (the caller moves on to phase 2 on SUCCESS). */
function buildSnapshot(taskId, entity) {
    const word = entity.Status?.trim() ?? '';
    const outcome = (0,json/* lookupWord */.Vr)(BUILD_STATES, word);
    const providerStatus = word || NO_STATUS;
    if (outcome === 'in_progress')
        return { state: 'in_progress', providerStatus, message: `building and deploying (task ${taskId})` };
    if (outcome === 'failed')
        return { state: 'failed', providerStatus, message: buildFailure(word) };
    return {
        state: 'unknown',
        providerStatus,
        message: word
            ? `unrecognized build status '${(0,http_status/* excerpt */.Kb)(word, 60)}' (task ${taskId})`
            : `the build status of task ${taskId} has no Status`,
    };
}
function buildFailure(word) {
    return word.toUpperCase() === 'FAIL_ON_LICENSE_ERROR'
        ? `build and deploy failed: the tenant's license does not cover this artifact (${word})`
        : `build and deploy failed (${word})`;
}
/** An IntegrationRuntimeArtifacts entity, checked against what this run deployed. */
function runtimeSnapshot(id, entity, expectation) {
    const word = entity.Status?.trim() ?? '';
    const providerStatus = word || NO_STATUS;
    const mapped = (0,json/* lookupWord */.Vr)(RUNTIME_STATES, word) ?? 'unknown';
    const stale = staleness(entity, expectation);
    const state = stale ? 'in_progress' : mapped;
    return {
        state,
        providerStatus,
        message: stale ?? runtimeMessage(mapped, word, entity),
        components: [artifactComponent(id, entity, state)],
    };
}
/** Why the entry is left over from an earlier deploy; undefined when it may be this run's. */
function staleness(entity, expectation) {
    const version = entity.Version?.trim();
    if (expectation.version !== undefined && version !== expectation.version) {
        return `the runtime still shows version ${version || '(none)'} (${entity.Status ?? NO_STATUS}) — waiting for version ${expectation.version}`;
    }
    if (expectation.deployedNotBeforeMs === undefined)
        return undefined;
    const deployedOn = parseODataDate(entity.DeployedOn);
    if (deployedOn === undefined) {
        // Without a date, an entry of this version from an earlier deploy looks exactly like this run's.
        return `the runtime entry (${entity.Status ?? NO_STATUS}) has no readable DeployedOn, so it cannot be told from an earlier deploy — waiting for one that has`;
    }
    if (deployedOn < expectation.deployedNotBeforeMs) {
        return `the runtime still shows the deploy of ${new Date(deployedOn).toISOString()} (${entity.Status ?? NO_STATUS}), from before this run — waiting for the new one`;
    }
    return undefined;
}
function runtimeMessage(state, word, entity) {
    const version = entity.Version ? ` version ${entity.Version}` : '';
    switch (state) {
        case 'succeeded':
            return `started${version}${entity.DeployedBy ? `, deployed by ${entity.DeployedBy}` : ''}`;
        case 'in_progress':
            return `${word.toLowerCase()}${version}`;
        case 'failed':
            return `runtime status ${word}`;
        default:
            return word ? `unrecognized runtime status '${(0,http_status/* excerpt */.Kb)(word, 60)}'` : 'the runtime artifact has no Status';
    }
}
const COMPONENT_DETAILS = [
    ['Name', 'name'],
    ['Type', 'type'],
    ['Version', 'version'],
    ['DeployedBy', 'deployed by'],
    ['DeployedOn', 'deployed on'],
];
function artifactComponent(id, entity, state) {
    const details = {};
    for (const [property, label] of COMPONENT_DETAILS) {
        const value = entity[property]?.trim();
        if (!value)
            continue;
        const date = property === 'DeployedOn' ? parseODataDate(value) : undefined;
        details[label] = date === undefined ? value : new Date(date).toISOString();
    }
    const component = { name: entity.Name?.trim() || id, kind: 'artifact', state, details };
    if (entity.Status)
        component.providerStatus = entity.Status;
    return component;
}

;// CONCATENATED MODULE: ./src/providers/sap/session.ts
/**
 * One run's conversation with a tenant. Per target: the deploy task (phase 1, BuildAndDeployStatus),
 * then the artifact in the runtime (phase 2, IntegrationRuntimeArtifacts), then — on a failure — the
 * error details, which SAP may need a few reads to provide.
 */









/** After the first failed read without error details (204), this many more reads wait for them. */
const MAX_ERROR_DETAIL_WAITS = 3;
/**
 * A runtime entry deployed this long before the deploy request's own `Date` still counts as this
 * run's: the tenant may stamp it a moment before it answers.
 */
const STALE_TOLERANCE_MS = 5_000;
const NOT_FOUND_TEXT = /requested entity could not be found/i;
/** Provider status of a deploy the runtime does not show yet: without a build (no task id), and after one. */
const NO_RUNTIME_ENTRY = '(no runtime entry yet)';
const BUILT_NOT_IN_RUNTIME = 'SUCCESS (not in runtime)';
class SapSession {
    settings;
    now;
    api;
    progress = new Map();
    /** `active` deploys whatever version is current: nothing to compare the runtime's Version with */
    expectedVersion;
    constructor(settings, context, now = Date.now) {
        this.settings = settings;
        this.now = now;
        const authorizer = createAuthorizer(settings.auth, { http: context.http, mask: context.mask, now });
        this.api = new SapApi({
            http: context.http,
            authorizer,
            root: settings.root,
            csrfUpFront: settings.auth.kind === 'basic',
            now,
            mask: context.mask,
        });
        this.expectedVersion = settings.version.toLowerCase() === 'active' ? undefined : settings.version;
    }
    async trigger(id, call) {
        const { root, artifactType, version } = this.settings;
        const context = `deploying ${artifactType} '${id}' version ${version}`;
        const sentAt = this.now();
        const response = await this.api.post(sapUrls.deploy(root, artifactType, id, version), call);
        (0,http_status/* assertStatus */.LZ)(response, [202], context);
        const taskId = taskIdFrom(response, context);
        const deployedNotBeforeMs = answeredAt(response, sentAt) - STALE_TOLERANCE_MS;
        if (taskId === undefined) {
            // Message mappings: the tenant gives no task, so there is no build to follow, only the runtime entry.
            this.progress.set(id, { phase: 'runtime', deployed: true, deployedNotBeforeMs });
            return { message: `${id}: deploy of version ${version} requested (no task id: following the runtime entry)` };
        }
        this.progress.set(id, { phase: 'build', taskId, deployedNotBeforeMs });
        return { taskId, message: `${id}: deploy of version ${version} requested (task ${taskId})` };
    }
    async read(id, call) {
        let progress = this.progress.get(id) ?? { phase: 'runtime', deployed: false };
        if (progress.phase === 'build') {
            const build = await this.readBuild(progress.taskId, call);
            if (build && build.state !== 'failed')
                return build;
            progress = build
                ? { phase: 'failure', failed: build, emptyReads: 0 }
                : {
                    phase: 'runtime',
                    deployed: true,
                    builtAtMs: this.now(),
                    deployedNotBeforeMs: progress.deployedNotBeforeMs,
                };
            this.progress.set(id, progress);
        }
        if (progress.phase === 'runtime') {
            const runtime = await this.readRuntime(id, progress, call);
            if (runtime.state !== 'failed' || runtime.providerStatus === BUILT_NOT_IN_RUNTIME)
                return runtime;
            progress = { phase: 'failure', failed: runtime, emptyReads: 0 };
            this.progress.set(id, progress);
        }
        return this.readErrorDetails(id, progress, call);
    }
    /** The build's snapshot; undefined once it succeeded (phase 2 decides then). */
    async readBuild(taskId, call) {
        const context = `reading the build status of task ${taskId}`;
        const response = await this.api.get(sapUrls.buildStatus(this.settings.root, taskId), call);
        if (isEntityNotFound(response)) {
            return (0,not_found/* notFoundSnapshot */.u)(response, context, `the tenant does not know deploy task ${taskId} (yet)`);
        }
        (0,http_status/* assertStatus */.LZ)(response, [200], context);
        const entity = await readEntity(response, context);
        (0,http_status/* assertSameTarget */.SA)(entity.TaskId, taskId, 'deploy task', context);
        return (0,json/* lookupWord */.Vr)(BUILD_STATES, entity.Status ?? '') === 'built' ? undefined : buildSnapshot(taskId, entity);
    }
    async readRuntime(id, progress, call) {
        const context = `reading the runtime status of '${id}'`;
        const response = await this.api.get(sapUrls.runtime(this.settings.root, id), call);
        if (isEntityNotFound(response)) {
            const missing = (0,not_found/* notFoundSnapshot */.u)(response, context, `'${id}' is not deployed on this tenant — check the artifact Id (not its display name) and url`);
            return progress.deployed ? this.missingAfterDeploy(id, progress.builtAtMs) : missing;
        }
        (0,http_status/* assertStatus */.LZ)(response, [200], context);
        const entity = await readEntity(response, context);
        (0,http_status/* assertSameTarget */.SA)(entity.Id, id, 'artifact', context);
        return runtimeSnapshot(id, entity, {
            version: this.expectedVersion,
            deployedNotBeforeMs: progress.deployedNotBeforeMs,
        });
    }
    /**
     * A deployed artifact the runtime does not show yet. After a `SUCCESS` build that lasts only the grace: a
     * flow whose runtime profile is an Edge Integration Cell never appears here, and waiting until `timeout`
     * would say nothing.
     */
    missingAfterDeploy(id, builtAtMs) {
        if (builtAtMs === undefined) {
            return { state: 'in_progress', providerStatus: NO_RUNTIME_ENTRY, message: 'waiting for the runtime entry' };
        }
        const graceMs = this.settings.runtimeGraceMs;
        if (this.now() - builtAtMs < graceMs) {
            return {
                state: 'in_progress',
                providerStatus: 'SUCCESS',
                message: 'build succeeded, waiting for the runtime to pick up the deploy',
            };
        }
        return {
            state: 'failed',
            providerStatus: BUILT_NOT_IN_RUNTIME,
            message: `the build succeeded, but '${id}' did not appear in the Cloud Integration runtime within ${(0,values/* formatDuration */.a3)(graceMs)} — it may have been deployed to another runtime (an Edge Integration Cell runtime profile): check the runtime profile of the artifact and its deployment there`,
        };
    }
    async readErrorInformation(id, call) {
        const url = sapUrls.errorInformation(this.settings.root, id);
        const [preferred, other] = ERROR_INFORMATION_ACCEPTS;
        const response = await this.api.get(url, call, { accept: preferred });
        return response.status === 406 ? this.api.get(url, call, { accept: other }) : response;
    }
    /** Bounded: 204 ("not ready yet") is waited out a few reads, then the failure stands without details. */
    async readErrorDetails(id, progress, call) {
        const { failed } = progress;
        const context = `reading the error details of '${id}'`;
        const response = await this.readErrorInformation(id, call);
        if (response.status === 200 || response.status === 204)
            (0,http_status/* assertNotHtml */.VA)(response, context);
        const details = response.status === 200 ? errorDetailsFrom(response.body) : undefined;
        if (details)
            return { ...failed, message: `${failed.message}: ${details.summary}`, logs: details.logs };
        if (response.status === 204 || response.status === 200) {
            if (progress.emptyReads >= MAX_ERROR_DETAIL_WAITS) {
                return {
                    ...failed,
                    message: `${failed.message} (SAP gave no error details after ${progress.emptyReads + 1} reads)`,
                };
            }
            progress.emptyReads += 1;
            return { ...failed, detailsPending: true, message: `${failed.message}, waiting for error details` };
        }
        const error = (0,http_status/* responseError */.U3)(response, context);
        if (error.transient)
            throw error;
        return { ...failed, message: `${failed.message} (error details unavailable: HTTP ${response.status})` };
    }
}
/**
 * Tenants answer `$value` 406 to `Accept: application/json` and send JSON to `application/xml`; the other
 * Accept is tried once, in case a tenant behaves the documented way.
 */
const ERROR_INFORMATION_ACCEPTS = ['application/xml', 'application/json'];
/** 404, or SAP's "Requested entity could not be found" under another status (some tenants answer 500). */
function isEntityNotFound(response) {
    return response.status === 404 || (response.status >= 400 && NOT_FOUND_TEXT.test(response.body));
}
/** The tenant's own clock (`Date`), so a runner clock that is off cannot make an old entry look new. */
function answeredAt(response, fallbackMs) {
    const date = Date.parse(response.headers.date ?? '');
    return Number.isNaN(date) ? fallbackMs : date;
}

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/providers/sap/settings.ts





/** Tenants show a built artifact in the runtime within seconds; two minutes leave room for a busy one. */
const MIN_RUNTIME_GRACE_MS = 120_000;
const SERVICE_KEY_FIELDS = ['clientid', 'clientsecret', 'tokenurl'];
const API_PATH = '/api/v1';
function resolveSettings(config) {
    if (config.ids.length === 0) {
        throw new core_errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is required for sap-cloud-integration: the artifact Id(s), e.g. 'My_IFlow' (the Id, not the display name).`);
    }
    const serviceKey = config.credentials.serviceKey === undefined ? undefined : parseServiceKey(config.credentials.serviceKey);
    const tenantUrl = config.url ?? serviceKey?.url;
    if (tenantUrl === undefined) {
        throw new core_errors/* InputError */.d(inputs/* INPUT */.bO.url, `Input '${inputs/* INPUT */.bO.url}' is required for sap-cloud-integration unless the service key has 'oauth.url'.`);
    }
    return {
        root: serviceRoot(tenantUrl),
        auth: serviceKey ? { kind: 'oauth', ...serviceKey } : authFromInputs(config.credentials),
        ids: config.ids,
        artifactType: config.artifactType,
        version: config.version,
        runtimeGraceMs: Math.max(config.wait.discoveryTimeoutMs, MIN_RUNTIME_GRACE_MS),
    };
}
/** The service root as reports may show it. */
const rootEndpoint = (root) => (0,values/* displayEndpoint */.OI)(new URL(root));
/**
 * `https://tenant`, `https://tenant/`, `https://tenant/api/v1/` → `https://tenant/api/v1`.
 * Query and fragment are dropped: OData paths are appended to the root.
 */
function serviceRoot(tenantUrl) {
    const url = new URL(tenantUrl.trim());
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
    return `${url.origin}${path}${API_PATH}`;
}
/**
 * A service key of the Process Integration Runtime `api` plan: `{"oauth":{…}}`, or the same fields
 * at the top level. Error messages name fields, never values: the whole key is a secret.
 */
function parseServiceKey(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // JSON.parse's own message quotes the text around the error: it would print part of the key.
        throw keyError('is not valid JSON. Paste the whole service key (the JSON object shown by the BTP cockpit or `cf service-key`).');
    }
    if (!(0,json/* isRecord */.u4)(parsed))
        throw keyError('is not a JSON object.');
    const fields = (0,json/* isRecord */.u4)(parsed.oauth) ? parsed.oauth : parsed;
    const prefix = fields === parsed ? '' : 'oauth.';
    const missing = SERVICE_KEY_FIELDS.filter((name) => !(0,json/* nonEmptyString */.y0)(fields[name]));
    if (missing.length > 0) {
        const names = missing.map((name) => `'${prefix}${name}'`).join(', ');
        throw keyError(`has no ${names}. Use a key of the Process Integration Runtime service with plan 'api' and grant type client credentials.`);
    }
    const tokenUrl = fields.tokenurl.trim();
    if ('error' in (0,values/* parseHttpUrl */.f$)(tokenUrl))
        throw keyError(`has a '${prefix}tokenurl' that is not an absolute http(s) URL.`);
    const key = {
        clientId: fields.clientid.trim(),
        clientSecret: fields.clientsecret,
        tokenUrl,
    };
    if (fields.url !== undefined) {
        if (!(0,json/* nonEmptyString */.y0)(fields.url) || 'error' in (0,values/* parseHttpUrl */.f$)(fields.url)) {
            throw keyError(`has a '${prefix}url' that is not an absolute http(s) URL.`);
        }
        key.url = fields.url.trim();
    }
    return key;
}
/** Without a service key: client credentials, then Basic, then a bearer token. */
function authFromInputs(credentials) {
    const { clientId, clientSecret, tokenUrl, token } = credentials;
    if (clientId !== undefined || clientSecret !== undefined || tokenUrl !== undefined) {
        const absent = [
            [inputs/* INPUT */.bO.clientId, clientId],
            [inputs/* INPUT */.bO.clientSecret, clientSecret],
            [inputs/* INPUT */.bO.tokenUrl, tokenUrl],
        ].find(([, value]) => value === undefined);
        if (absent) {
            throw new core_errors/* InputError */.d(absent[0], `Input '${absent[0]}' is required with OAuth client credentials: set '${inputs/* INPUT */.bO.clientId}', '${inputs/* INPUT */.bO.clientSecret}' and '${inputs/* INPUT */.bO.tokenUrl}' together (or use '${inputs/* INPUT */.bO.serviceKey}').`);
        }
        const parsed = (0,values/* parseHttpUrl */.f$)(tokenUrl);
        if ('error' in parsed)
            throw new core_errors/* InputError */.d(inputs/* INPUT */.bO.tokenUrl, `Input '${inputs/* INPUT */.bO.tokenUrl}' ${parsed.error}.`);
        return {
            kind: 'oauth',
            clientId: clientId,
            clientSecret: clientSecret,
            tokenUrl: tokenUrl.trim(),
        };
    }
    const basic = (0,providers_auth/* basicCredentials */.BG)(credentials);
    if (basic)
        return { kind: 'basic', ...basic };
    if (token !== undefined)
        return { kind: 'bearer', token };
    throw new core_errors/* InputError */.d(inputs/* INPUT */.bO.serviceKey, `sap-cloud-integration needs credentials: '${inputs/* INPUT */.bO.serviceKey}' (recommended), or '${inputs/* INPUT */.bO.clientId}'/'${inputs/* INPUT */.bO.clientSecret}'/'${inputs/* INPUT */.bO.tokenUrl}', or '${inputs/* INPUT */.bO.username}'/'${inputs/* INPUT */.bO.password}', or '${inputs/* INPUT */.bO.token}'.`);
}
const keyError = (problem) => new core_errors/* InputError */.d(inputs/* INPUT */.bO.serviceKey, `Input '${inputs/* INPUT */.bO.serviceKey}' ${problem}`);

;// CONCATENATED MODULE: ./src/providers/sap/index.ts


const sapProvider = {
    canTrigger: true,
    prepare(config) {
        const settings = resolveSettings(config);
        return {
            targets: settings.ids,
            endpoint: rootEndpoint(settings.root),
            secrets: settings.auth.kind === 'oauth' ? [settings.auth.clientSecret] : [],
            open: (context) => new SapSession(settings, context),
        };
    },
};


/***/ })

};
