export const id = 317;
export const ids = [317];
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

/***/ 317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sapProvider: () => (/* binding */ sapProvider)
});

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/providers/sap/package-settings.ts


function resolvePackageSettings(config) {
    if (config.exclude.length > 0 && config.packages.length === 0) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.exclude, `Input '${inputs/* INPUT */.bO.exclude}' leaves artifacts out of a '${inputs/* INPUT */.bO.package}': set '${inputs/* INPUT */.bO.package}' too, or remove the ids from '${inputs/* INPUT */.bO.id}'.`);
    }
    if (config.skipUnchanged && !config.deploy) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.skipUnchanged, `Input '${inputs/* INPUT */.bO.skipUnchanged}' decides what not to deploy again: it needs '${inputs/* INPUT */.bO.deploy}: true'.`);
    }
    return { packages: config.packages, exclude: config.exclude, skipUnchanged: config.skipUnchanged };
}

// EXTERNAL MODULE: ./src/providers/auth.ts
var providers_auth = __webpack_require__(5714);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/providers/sap/client-certificate.ts
/**
 * The client certificate and private key of an X.509 service key (or of `client-certificate`/`client-key`),
 * validated as PEM before any request. Messages say what is wrong and where, never a byte of the PEM. Pure.
 */

/** Thrown with a message that names the origin; the caller turns it into the InputError of its input. */
class PemProblem extends Error {
    part;
    name = 'PemProblem';
    constructor(part, message) {
        super(message);
        this.part = part;
    }
}
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const ANY_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/;
/** What a PEM label is, for a key of a kind the action cannot use. */
const UNUSABLE_KEYS = {
    'ENCRYPTED PRIVATE KEY': 'is an encrypted private key (PKCS#8 with a passphrase); the action has no passphrase input — use the unencrypted key of the service key',
    'OPENSSH PRIVATE KEY': 'is an OpenSSH private key; TLS needs a PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)',
    'PUBLIC KEY': 'is a public key, not the private key',
    'RSA PUBLIC KEY': 'is a public key, not the private key',
    CERTIFICATE: 'holds a certificate, not the private key',
    'PGP PRIVATE KEY BLOCK': 'is a PGP key; TLS needs a PEM private key',
};
/** Key types a TLS 1.2/1.3 client certificate can sign with (DSA is gone from TLS 1.3; DH and X25519 only agree). */
const SIGNING_KEY_TYPES = new Set(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448']);
/** Secrets stored on one line often carry their newlines as literal `\n`. */
function normalizePem(text) {
    return text.replace(/\\n/g, '\n').replace(/\r\n?/g, '\n').trim();
}
function validateClientCertificate(raw, origins) {
    const certificate = normalizePem(raw.certificate);
    const key = normalizePem(raw.key);
    const leaf = readCertificates(certificate, origins.certificate)[0];
    const validTo = Date.parse(leaf.validTo);
    if (validTo < Date.now()) {
        throw new PemProblem('certificate', `${origins.certificate} expired on ${new Date(validTo).toISOString()}: create a new service key (or certificate)`);
    }
    const privateKey = readPrivateKey(key, origins.key);
    if (!leaf.checkPrivateKey(privateKey)) {
        throw new PemProblem('key', `${origins.key} is not the private key of ${origins.certificate} (they do not match)`);
    }
    return { certificate, key };
}
function readCertificates(pem, origin) {
    const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
    if (blocks.length === 0) {
        throw new PemProblem('certificate', `${origin} holds no PEM certificate: expected a block from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----"`);
    }
    return blocks.map((block, index) => {
        try {
            return new external_node_crypto_.X509Certificate(block);
        }
        catch {
            throw new PemProblem('certificate', `${origin}: certificate ${index + 1} of ${blocks.length} is not a readable PEM certificate (check that it was copied whole)`);
        }
    });
}
function readPrivateKey(pem, origin) {
    const label = ANY_BLOCK.exec(pem)?.[1];
    if (label === undefined) {
        throw new PemProblem('key', `${origin} holds no PEM private key: expected a block such as "-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----"`);
    }
    const unusable = UNUSABLE_KEYS[label];
    if (unusable)
        throw new PemProblem('key', `${origin} ${unusable}`);
    if (/^Proc-Type:\s*4,\s*ENCRYPTED/m.test(pem)) {
        throw new PemProblem('key', `${origin} is an encrypted ${label.toLowerCase()} (Proc-Type: 4,ENCRYPTED); the action has no passphrase input — use the unencrypted key`);
    }
    if (!label.endsWith('PRIVATE KEY'))
        throw new PemProblem('key', `${origin} holds a ${label} block, not a private key`);
    let privateKey;
    try {
        privateKey = (0,external_node_crypto_.createPrivateKey)(pem);
    }
    catch {
        throw new PemProblem('key', `${origin} is not a readable ${label.toLowerCase()} (check that it was copied whole)`);
    }
    const kind = privateKey.asymmetricKeyType ?? 'unknown';
    if (!SIGNING_KEY_TYPES.has(kind)) {
        throw new PemProblem('key', `${origin} is a ${kind} key, which cannot sign a TLS handshake: use an RSA or EC key`);
    }
    return privateKey;
}
/**
 * What must be masked: the whole PEMs and every line of their bodies (the runner masks a multi-line secret
 * line by line only when told each line). The armor lines are no secret and would blank ordinary log text.
 */
function pemSecrets({ certificate, key }) {
    const bodyLines = (pem) => pem
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('-----'));
    return [key, certificate, ...bodyLines(key), ...bodyLines(certificate)];
}

// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/repeatable.ts
var repeatable = __webpack_require__(6241);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/http/status.ts
var http_status = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/providers/not-found.ts
var not_found = __webpack_require__(6162);
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
        throw new http_errors/* HttpError */.j(`${context}: unreadable answer (HTTP ${response.status}), no OData entity: ${(0,http_status/* excerpt */.Kb)(response.body, 100)}`, {
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
        throw new http_errors/* HttpError */.j(`${context}: answered ${response.status} without a readable task id: ${(0,http_status/* excerpt */.Kb)(body, 100)}`, {
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
const NOT_FOUND_TEXT = /requested entity could not be found/i;
/** 404, or SAP's "Requested entity could not be found" under another status (some tenants answer 500). */
function isEntityNotFound(response) {
    return response.status === 404 || (response.status >= 400 && NOT_FOUND_TEXT.test(response.body));
}
function isXml(response) {
    if (/[/+]xml$/.test(response.contentType))
        return true;
    if (response.contentType.endsWith('json'))
        return false;
    return response.body.trimStart().startsWith('<');
}
// Loaded only when a tenant answers in XML: most runs never pay for the parser's start-up.
async function parseXml(text) {
    const { XMLParser } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 9131));
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
            throw new http_errors/* HttpError */.j(`the answer names its ${name} with ${(0,json/* jsonKind */.ZC)(value)}, not a string id — check url and any proxy or cache in between`, { kind: 'permanent', status: 200 });
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

;// CONCATENATED MODULE: ./src/providers/sap/token-answer.ts
/**
 * The token endpoint's answer. Its body is never quoted in a message, whatever it is: an error page may echo
 * the Basic credential, and an answer in another format (form-urlencoded, HTML) may carry an access token
 * that nothing has masked yet. Only the standard OAuth error codes (RFC 6749 §5.2) are shown. Pure.
 */



const OAUTH_ERROR_CODES = new Set([
    'invalid_request',
    'invalid_client',
    'invalid_grant',
    'unauthorized_client',
    'unsupported_grant_type',
    'invalid_scope',
]);
function readTokenAnswer(response, context, byCertificate) {
    const { status } = response;
    if (status === 429 || (status >= 500 && status !== 501)) {
        throw new http_errors/* HttpError */.j(`${context}: HTTP ${status}`, {
            kind: 'transient',
            status,
            retryAfterMs: (0,http_status/* retryAfterMs */.Vs)(response.headers['retry-after'], Date.now()),
        });
    }
    const fields = fieldsOf(response);
    if (status !== 200) {
        const code = typeof fields?.error === 'string' && OAUTH_ERROR_CODES.has(fields.error) ? ` ${fields.error}` : '';
        const check = byCertificate
            ? 'check the client id, the client certificate and that the token URL is the certificate one (certurl)'
            : 'check the client id and secret, and the token URL';
        throw new http_errors/* HttpError */.j(`${context}: HTTP ${status}${code} — ${check}`, { kind: 'permanent', status });
    }
    const token = fields?.access_token;
    if (!(0,json/* nonEmptyString */.y0)(token)) {
        const shape = isHtml(response)
            ? 'an HTML page (a login page or proxy answered instead of the token endpoint — check the token URL)'
            : fields
                ? 'an answer without access_token'
                : `an unreadable answer (content type ${response.contentType || 'none'})`;
        throw new http_errors/* HttpError */.j(`${context}: got ${shape}; its body is not shown, as it may hold credentials`, {
            kind: 'permanent',
            status,
        });
    }
    const lifetimeMs = secondsToMs(fields?.expires_in);
    return lifetimeMs === undefined ? { token } : { token, lifetimeMs };
}
/** The answer's fields: JSON (whatever the content type says), or form-urlencoded as some servers send. */
function fieldsOf(response) {
    const body = response.body.trim();
    if (body.startsWith('{')) {
        try {
            const parsed = JSON.parse(body);
            return (0,json/* isRecord */.u4)(parsed) ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    if (response.contentType === 'application/x-www-form-urlencoded' || /^[\w.~-]+=[^\s<>]*$/.test(body)) {
        return Object.fromEntries(new URLSearchParams(body));
    }
    return undefined;
}
function isHtml(response) {
    return response.contentType.includes('html') || /^\s*<(!doctype|html)/i.test(response.body);
}
function secondsToMs(value) {
    const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

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
/**
 * The client authenticates with its secret (Basic), or with its certificate, which the HTTP client presents
 * to the token URL's origin only (mutual TLS): then the form names the client.
 */
function tokenRequestOf(auth) {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.kind === 'oauth-certificate') {
        form.set('client_id', auth.clientId);
        return { headers: {}, body: form.toString() };
    }
    return { headers: { authorization: (0,providers_auth/* basicAuthorization */.aR)(auth.clientId, auth.clientSecret) }, body: form.toString() };
}
async function fetchToken(auth, { http, mask, now }, options) {
    const context = `requesting an OAuth token from ${(0,values/* displayEndpoint */.OI)(new URL(auth.tokenUrl))}`;
    const requestedAt = now();
    const { headers, body } = tokenRequestOf(auth);
    const response = await http
        .request({
        method: 'POST',
        url: auth.tokenUrl,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
    })
        .catch((error) => {
        throw auth.kind === 'oauth-certificate' ? withCertificateHint(error) : error;
    });
    const answer = readTokenAnswer(response, context, auth.kind === 'oauth-certificate');
    mask(answer.token);
    if (answer.lifetimeMs === undefined)
        return { value: answer.token };
    return { value: answer.token, expiresAtMs: requestedAt + answer.lifetimeMs - refreshMarginMs(answer.lifetimeMs) };
}
/**
 * A server that refuses a client certificate closes the connection after the TLS 1.3 handshake, which looks
 * like any lost connection: retried as one, but the warning says what to check.
 */
function withCertificateHint(error) {
    if (!(error instanceof http_errors/* HttpError */.j) || error.status !== undefined || !error.transient)
        return error;
    return new http_errors/* HttpError */.j(`${error.message} (if this repeats, the token endpoint may refuse the client certificate: check that it is valid and that the token URL is the certificate one, certurl)`, { kind: error.kind, cause: error.cause, retryAfterMs: error.retryAfterMs });
}

;// CONCATENATED MODULE: ./src/providers/sap/collection.ts
/**
 * OData V2 collections as the tenant answers them: JSON `{"d":{"results":[…],"__next":"…"}}` or an Atom
 * `<feed>` of `<entry>` elements with a `<link rel="next">`, an expanded navigation property (`EntryPoints`)
 * inside each entry. Pages are followed, but only on the service root's own origin: credentials go nowhere else.
 */




/** More pages than any tenant has artifacts for: a `__next` loop must not keep a run busy. */
const MAX_PAGES = 100;
/**
 * Every entry of a collection, page after page; `missing` when the first page answers 404 (what that means,
 * an unknown package, is the caller's to say). `get` makes one request; `run` gives each its request slot.
 */
async function readCollection(url, context, get, run) {
    const entries = [];
    let next = url;
    for (let page = 0; next !== undefined; page++) {
        if (page === MAX_PAGES)
            throw new http_errors/* HttpError */.j(`${context}: more than ${MAX_PAGES} pages`, { kind: 'permanent' });
        const pageUrl = next;
        const response = await run((call) => get(pageUrl, call));
        if (page === 0 && response.status === 404) {
            (0,http_status/* assertNotHtml */.VA)(response, context);
            return 'missing';
        }
        (0,http_status/* assertStatus */.LZ)(response, [200], context);
        const read = await collectionPage(response, context);
        entries.push(...read.entries);
        next = read.next === undefined ? undefined : sameOrigin(read.next, pageUrl, context);
    }
    return entries;
}
async function collectionPage(response, context) {
    const page = isXml(response)
        ? atomPage(await parseAtom((0,http_status/* requireBody */.WW)(response, context)))
        : jsonPage((0,http_status/* parseJsonBody */.Y2)(response, context));
    if (!page) {
        throw new http_errors/* HttpError */.j(`${context}: unreadable answer (HTTP ${response.status}), no OData collection: ${(0,http_status/* excerpt */.Kb)(response.body, 100)}`, { kind: 'permanent', status: response.status });
    }
    return page;
}
function jsonPage(value) {
    const d = (0,json/* isRecord */.u4)(value) && (0,json/* isRecord */.u4)(value.d) ? value.d : undefined;
    // OData V2 verbose JSON; V4 puts the list under `value`
    const list = d ? d.results : (0,json/* isRecord */.u4)(value) ? value.value : undefined;
    if (!Array.isArray(list))
        return undefined;
    const next = d?.__next ?? ((0,json/* isRecord */.u4)(value) ? value['@odata.nextLink'] : undefined);
    return { entries: list.filter(json/* isRecord */.u4).map(jsonEntry), ...(typeof next === 'string' && next ? { next } : {}) };
}
function jsonEntry(record) {
    const properties = {};
    const expanded = {};
    for (const [name, value] of Object.entries(record)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            properties[name] = String(value);
        }
        else if ((0,json/* isRecord */.u4)(value) && Array.isArray(value.results)) {
            expanded[name] = value.results.filter(json/* isRecord */.u4).map(jsonEntry);
        }
        else if (Array.isArray(value)) {
            expanded[name] = value.filter(json/* isRecord */.u4).map(jsonEntry);
        }
    }
    return { properties, expanded };
}
function atomPage(document) {
    const feed = (0,json/* isRecord */.u4)(document) ? document.feed : undefined;
    if (!(0,json/* isRecord */.u4)(feed))
        return undefined;
    const next = asList(feed.link).find((link) => (0,json/* isRecord */.u4)(link) && link['@_rel'] === 'next');
    const href = (0,json/* isRecord */.u4)(next) ? next['@_href'] : undefined;
    return {
        entries: asList(feed.entry).filter(json/* isRecord */.u4).map(atomEntry),
        ...(typeof href === 'string' && href ? { next: withBase(href, feed['@_base']) } : {}),
    };
}
function atomEntry(entry) {
    // A media entry (an artifact with `$value`) keeps its properties beside `<content src>`, not inside it.
    const content = (0,json/* isRecord */.u4)(entry.content) ? entry.content : {};
    const raw = (0,json/* isRecord */.u4)(entry.properties) ? entry.properties : (0,json/* isRecord */.u4)(content.properties) ? content.properties : {};
    const properties = {};
    for (const [name, value] of Object.entries(raw)) {
        const text = (0,json/* isRecord */.u4)(value) ? value['#text'] : value;
        if (typeof text === 'string' || typeof text === 'number')
            properties[name] = String(text);
        else if ((0,json/* isRecord */.u4)(value) && value['@_null'] === undefined)
            properties[name] = '';
    }
    const expanded = {};
    for (const link of asList(entry.link)) {
        if (!(0,json/* isRecord */.u4)(link) || !(0,json/* isRecord */.u4)(link.inline) || typeof link['@_title'] !== 'string')
            continue;
        const inner = link.inline.feed;
        expanded[link['@_title']] = (0,json/* isRecord */.u4)(inner) ? asList(inner.entry).filter(json/* isRecord */.u4).map(atomEntry) : [];
    }
    return { properties, expanded };
}
/** Against the feed's `xml:base` when it has one; a link still relative is resolved against the page URL later. */
const withBase = (href, base) => (typeof base === 'string' ? new URL(href, base).href : href);
const asList = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** A next-page link is resolved against the page it came from and must stay on its origin. */
function sameOrigin(link, pageUrl, context) {
    const resolved = new URL(link, pageUrl);
    if (resolved.origin !== new URL(pageUrl).origin) {
        throw new http_errors/* HttpError */.j(`${context}: the next page is on another origin (${resolved.origin}); not followed`, {
            kind: 'permanent',
        });
    }
    return resolved.href;
}
// Loaded only when a tenant answers in XML, like the entity reader's parser.
async function parseAtom(text) {
    const { XMLParser } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 9131));
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
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/providers/sap/endpoints.ts
const serviceEndpointsUrl = (root) => `${root}/ServiceEndpoints?$expand=EntryPoints`;
/** flow id → its endpoint URLs (none: an empty list), for each flow asked about. */
function endpointsOf(entries, flows) {
    const endpoints = {};
    for (const flow of flows) {
        const urls = entries
            .filter((entry) => entry.properties.Name === flow)
            .flatMap((entry) => entry.expanded.EntryPoints ?? [])
            .flatMap((point) => (point.properties.Url ? [point.properties.Url] : []));
        endpoints[flow] = [...new Set(urls)];
    }
    return endpoints;
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
/**
 * The innermost cause first (the last line: "Script file 'script1.groovy' not found"), then what failed,
 * outermost first: a table cell or a notification that cuts the line still shows why. All of it when it fits.
 */
function summaryOf(lines) {
    if (lines.length < 2)
        return (0,http_status/* excerpt */.Kb)(lines[0] ?? '', SUMMARY_LENGTH);
    const cause = lines[lines.length - 1] ?? '';
    const causeFirst = [cause, ...lines.slice(0, -1)].join(' — ');
    if (causeFirst.length <= SUMMARY_LENGTH)
        return causeFirst;
    return (0,http_status/* excerpt */.Kb)(`${(0,http_status/* excerpt */.Kb)(cause, SUMMARY_LENGTH / 2)} — ${lines[0] ?? ''}`, SUMMARY_LENGTH);
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

;// CONCATENATED MODULE: ./src/providers/sap/packages.ts

/** Each artifact type's designtime collection, dependencies first. */
const DESIGNTIME_COLLECTIONS = {
    'script-collection': 'ScriptCollectionDesigntimeArtifacts',
    'value-mapping': 'ValueMappingDesigntimeArtifacts',
    'message-mapping': 'MessageMappingDesigntimeArtifacts',
    'integration-flow': 'IntegrationDesigntimeArtifacts',
};
const packageUrls = {
    collection: (root, packageId, type) => `${root}/IntegrationPackages(${encodedLiteral(packageId)})/${DESIGNTIME_COLLECTIONS[type]}`,
    /** `{Type}DesigntimeArtifacts(Id='…',Version='…')` */
    designtime: (root, type, id, version) => `${root}/${DESIGNTIME_COLLECTIONS[type]}(Id=${encodedLiteral(id)},Version=${encodedLiteral(version)})`,
};
const DEPENDENCIES = 'script collections, value mappings, message mappings';
const FLOWS = 'integration flows';
/**
 * The union of the packages' artifacts (minus `exclude`) and the `id` input, dependencies first. An
 * unknown package is a decided `not_found`; a known one with nothing left to deploy is a mistake in the
 * inputs, and throws.
 */
function planTargets(listings, inputs) {
    const excluded = new Set(inputs.exclude);
    const types = new Map();
    const decided = [];
    for (const listing of listings) {
        if ('missing' in listing) {
            decided.push({
                id: listing.packageId,
                verdict: 'not_found',
                message: `integration package '${listing.packageId}' does not exist on this tenant — check the package Id (not its name) and url`,
            });
            continue;
        }
        const kept = listing.artifacts.filter((artifact) => !excluded.has(artifact.id));
        if (kept.length === 0) {
            const why = listing.artifacts.length === 0 ? 'it has no artifacts' : `all its artifacts are in 'exclude'`;
            throw new Error(`integration package '${listing.packageId}' has nothing to deploy: ${why}`);
        }
        for (const artifact of kept)
            if (!types.has(artifact.id))
                types.set(artifact.id, artifact.type);
    }
    for (const id of inputs.ids)
        if (!types.has(id))
            types.set(id, inputs.artifactType);
    const ids = [...types.keys()];
    const dependencies = ids.filter((id) => types.get(id) !== 'integration-flow');
    const flows = ids.filter((id) => types.get(id) === 'integration-flow');
    return {
        targets: [...dependencies, ...flows],
        stages: [
            { name: DEPENDENCIES, targets: dependencies },
            { name: FLOWS, targets: flows },
        ],
        ...(decided.length > 0 ? { decided } : {}),
        types,
    };
}

;// CONCATENATED MODULE: ./src/providers/sap/package-listing.ts



async function listPackage(packageId, context, options) {
    const types = Object.keys(DESIGNTIME_COLLECTIONS);
    const lists = await Promise.all(types.map((type) => listCollection(packageId, type, context, options)));
    // The flows' collection answers 404 for an unknown package; the others may be missing on older tenants.
    if (lists[types.indexOf('integration-flow')] === 'missing')
        return { packageId, missing: true };
    const artifacts = lists.flatMap((list, index) => {
        const type = types[index];
        if (list !== 'missing')
            return list;
        context.warn(`integration package '${packageId}': the tenant does not list ${DESIGNTIME_COLLECTIONS[type]}; none taken`);
        return [];
    });
    return { packageId, artifacts };
}
async function listCollection(packageId, type, context, options) {
    const what = `listing ${DESIGNTIME_COLLECTIONS[type]} of integration package '${packageId}'`;
    const entries = await readCollection(packageUrls.collection(context.root, packageId, type), what, (url, call) => context.get(url, call), options.call);
    if (entries === 'missing')
        return entries;
    return entries.map((entry) => {
        const id = entry.properties.Id?.trim();
        // Skipping it would leave an artifact undeployed behind a green verdict.
        if (!id)
            throw new http_errors/* HttpError */.j(`${what}: an entry has no Id`, { kind: 'permanent', status: 200 });
        return { id, type };
    });
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

;// CONCATENATED MODULE: ./src/providers/sap/skip-unchanged.ts





/** The snapshot of an artifact that needs no deploy; undefined when it must be deployed. */
async function unchangedSnapshot(check, call) {
    const version = await versionToDeploy(check, call);
    if (version === undefined)
        return undefined;
    const runtime = await readOptional(check, sapUrls.runtime(check.root, check.id), 'reading the runtime status', call);
    if (!runtime || !isUnchanged(runtime, version))
        return undefined;
    return { ...runtimeSnapshot(check.id, runtime, {}), message: `unchanged (version ${version} already started)` };
}
/** The runtime already runs this version, and runs it well. */
function isUnchanged(runtime, version) {
    return ((0,json/* lookupWord */.Vr)(RUNTIME_STATES, runtime.Status?.trim() ?? '') === 'succeeded' && runtime.Version?.trim() === version);
}
async function versionToDeploy(check, call) {
    if (check.version.toLowerCase() !== 'active')
        return check.version.trim();
    const url = packageUrls.designtime(check.root, check.type, check.id, 'active');
    const designtime = await readOptional(check, url, 'reading the designtime version', call);
    // Unknown here: the deploy request will say why, in SAP's words.
    return designtime?.Version?.trim() || undefined;
}
async function readOptional(check, url, what, call) {
    const context = `${what} of '${check.id}'`;
    const response = await check.get(url, call);
    if (isEntityNotFound(response))
        return undefined;
    (0,http_status/* assertStatus */.LZ)(response, [200], context);
    const entity = await readEntity(response, context);
    (0,http_status/* assertSameTarget */.SA)(entity.Id, check.id, 'artifact', context);
    return entity;
}

;// CONCATENATED MODULE: ./src/providers/sap/session.ts
















/** After the first failed read without error details (204), this many more reads wait for them. */
const MAX_ERROR_DETAIL_WAITS = 3;
/**
 * A runtime entry deployed this long before the deploy request's own `Date` still counts as this
 * run's: the tenant may stamp it a moment before it answers.
 */
const STALE_TOLERANCE_MS = 5_000;
const NO_PACKAGES = { packages: [], exclude: [], skipUnchanged: false };
/** Provider status of a deploy the runtime does not show yet: without a build (no task id), and after one. */
const NO_RUNTIME_ENTRY = '(no runtime entry yet)';
const BUILT_NOT_IN_RUNTIME = 'SUCCESS (not in runtime)';
const ACCEPTED_NOT_IN_RUNTIME = '(not in runtime)';
/** failed for never showing up in the runtime: there are no error details to read */
const NOT_IN_RUNTIME = new Set([BUILT_NOT_IN_RUNTIME, ACCEPTED_NOT_IN_RUNTIME]);
class SapSession {
    settings;
    now;
    packages;
    api;
    progress = new Map();
    /** `active` deploys whatever version is current: nothing to compare the runtime's Version with */
    expectedVersion;
    /** each target's artifact type, where a package listing said it */
    types = new Map();
    log;
    /** transient failures of a trigger's checks before its deploy request: nothing was sent, so it may repeat */
    failedBeforeDeploy = new WeakSet();
    /** the Accept that ErrorInformation answered last: a tenant that refuses one refuses it every time */
    errorInformationAccepts = ERROR_INFORMATION_ACCEPTS;
    constructor(settings, context, now = Date.now, packages = NO_PACKAGES) {
        this.settings = settings;
        this.now = now;
        this.packages = packages;
        this.log = context.log;
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
    canRepeatTrigger(error) {
        return this.failedBeforeDeploy.has(error) || (0,repeatable/* nothingWasDone */.Z)(error);
    }
    async trigger(id, call) {
        const skipped = await this.skipIfUnchanged(id, call);
        if (skipped)
            return skipped;
        const { root, version } = this.settings;
        const artifactType = this.typeOf(id);
        const context = `deploying ${artifactType} '${id}' version ${version}`;
        const sentAt = this.now();
        const response = await this.api.post(sapUrls.deploy(root, artifactType, id, version), call);
        (0,http_status/* assertStatus */.LZ)(response, [202], context);
        const taskId = taskIdFrom(response, context);
        const deployedNotBeforeMs = answeredAt(response, sentAt) - STALE_TOLERANCE_MS;
        if (taskId === undefined) {
            // Message mappings: the tenant gives no task, so there is no build to follow, only the runtime entry.
            this.progress.set(id, { phase: 'runtime', deployed: true, acceptedAtMs: this.now(), deployedNotBeforeMs });
            return { message: `${id}: deploy of version ${version} requested (no task id: following the runtime entry)` };
        }
        this.progress.set(id, { phase: 'build', taskId, deployedNotBeforeMs });
        return { taskId, message: `${id}: deploy of version ${version} requested (task ${taskId})` };
    }
    async read(id, call) {
        let progress = this.progress.get(id) ?? { phase: 'runtime', deployed: false };
        if (progress.phase === 'unchanged')
            return progress.snapshot;
        if (progress.phase === 'build') {
            const build = await this.readBuild(progress.taskId, call);
            if (build && build.state !== 'failed')
                return build;
            if (build)
                return this.failedNow(id, build);
            progress = {
                phase: 'runtime',
                deployed: true,
                builtAtMs: this.now(),
                deployedNotBeforeMs: progress.deployedNotBeforeMs,
            };
            this.progress.set(id, progress);
        }
        if (progress.phase === 'runtime') {
            const runtime = await this.readRuntime(id, progress, call);
            if (runtime.state !== 'failed' || NOT_IN_RUNTIME.has(runtime.providerStatus ?? ''))
                return runtime;
            return this.failedNow(id, runtime);
        }
        return this.readErrorDetails(id, progress, call);
    }
    /**
     * The read that sees the failure returns it at once; the error details are the next reads' work. Asked
     * for in the same read, a details request still under way at the deadline would lose the failure itself.
     */
    failedNow(id, failed) {
        this.progress.set(id, { phase: 'failure', failed, emptyReads: 0 });
        return { ...failed, detailsPending: true, message: `${failed.message}, waiting for error details` };
    }
    /** `package`: lists every package (their collections at once), then plans the targets and deploy stages. */
    async findTargets(options) {
        const { packages, exclude } = this.packages;
        if (packages.length === 0)
            return { targets: this.settings.ids };
        const context = {
            root: this.settings.root,
            get: (url, call) => this.api.get(url, call),
            warn: (message) => this.log.warning(message),
        };
        const listings = await Promise.all(packages.map((packageId) => listPackage(packageId, context, options)));
        const { types, ...found } = planTargets(listings, { ...this.settings, exclude });
        this.types = types;
        return found;
    }
    /** The endpoints of the integration flows that succeeded: one ServiceEndpoints read for all of them. */
    async afterTargets(results, options) {
        const flows = results
            .filter((result) => result.verdict === 'succeeded' && this.typeOf(result.id) === 'integration-flow')
            .map((result) => result.id);
        if (flows.length === 0)
            return {};
        const context = 'reading the service endpoints';
        const entries = await readCollection(serviceEndpointsUrl(this.settings.root), context, (url, call) => this.api.get(url, call), options.call);
        if (entries === 'missing')
            throw new http_errors/* HttpError */.j(`${context}: HTTP 404`, { kind: 'permanent', status: 404 });
        return { endpoints: endpointsOf(entries, flows) };
    }
    typeOf(id) {
        return this.types.get(id) ?? this.settings.artifactType;
    }
    /** `skip-unchanged`: a trigger result without a deploy when the runtime already runs that version. */
    async skipIfUnchanged(id, call) {
        if (!this.packages.skipUnchanged)
            return undefined;
        const check = { root: this.settings.root, id, type: this.typeOf(id), version: this.settings.version };
        let snapshot;
        try {
            snapshot = await unchangedSnapshot({ ...check, get: (url, options) => this.api.get(url, options) }, call);
        }
        catch (error) {
            if (!(error instanceof http_errors/* HttpError */.j) || !error.transient)
                throw error;
            const before = new http_errors/* HttpError */.j(`${error.message} (before the deploy request)`, {
                kind: 'transient',
                status: error.status,
                excerpt: error.excerpt,
                retryAfterMs: error.retryAfterMs,
                cause: error,
            });
            this.failedBeforeDeploy.add(before);
            throw before;
        }
        if (!snapshot)
            return undefined;
        this.progress.set(id, { phase: 'unchanged', snapshot });
        return { skipped: true, message: `${id}: ${snapshot.message} — not deployed again` };
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
            return progress.deployed ? this.missingAfterDeploy(id, progress) : missing;
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
     * A deployed artifact the runtime does not show yet. After a `SUCCESS` build (or a deploy accepted without a
     * task id) that lasts only the grace: an artifact whose runtime profile is an Edge Integration Cell never
     * appears here, and waiting until `timeout` would say nothing.
     */
    missingAfterDeploy(id, progress) {
        const { builtAtMs, acceptedAtMs } = progress;
        const sinceMs = builtAtMs ?? acceptedAtMs;
        const graceMs = this.settings.runtimeGraceMs;
        if (sinceMs === undefined || this.now() - sinceMs < graceMs) {
            return builtAtMs === undefined
                ? { state: 'in_progress', providerStatus: NO_RUNTIME_ENTRY, message: 'waiting for the runtime entry' }
                : {
                    state: 'in_progress',
                    providerStatus: 'SUCCESS',
                    message: 'build succeeded, waiting for the runtime to pick up the deploy',
                };
        }
        return {
            state: 'failed',
            providerStatus: builtAtMs === undefined ? ACCEPTED_NOT_IN_RUNTIME : BUILT_NOT_IN_RUNTIME,
            message: `${builtAtMs === undefined ? 'the deploy was accepted' : 'the build succeeded'}, but '${id}' did not appear in the Cloud Integration runtime within ${(0,values/* formatDuration */.a3)(graceMs)} — it may have been deployed to another runtime (an Edge Integration Cell runtime profile): check the runtime profile of the artifact and its deployment there`,
        };
    }
    async readErrorInformation(id, call) {
        const url = sapUrls.errorInformation(this.settings.root, id);
        const [preferred = '', other = ''] = this.errorInformationAccepts;
        const response = await this.api.get(url, call, { accept: preferred });
        if (response.status !== 406)
            return response;
        this.errorInformationAccepts = [other, preferred];
        return this.api.get(url, call, { accept: other });
    }
    /** Bounded: 204 ("not ready yet") is waited out a few reads, then the failure stands without details. */
    async readErrorDetails(id, progress, call) {
        const { failed } = progress;
        const context = `reading the error details of '${id}'`;
        let response;
        try {
            response = await this.readErrorInformation(id, call);
            if (response.status === 200 || response.status === 204)
                (0,http_status/* assertNotHtml */.VA)(response, context);
        }
        catch (error) {
            // The deploy failed whatever the details say: an unreadable answer about them (an HTML page, a body
            // over the limit) loses the reason, not the verdict. A transient error is retried as any read.
            if (!(error instanceof http_errors/* HttpError */.j) || error.transient)
                throw error;
            return { ...failed, message: `${failed.message} (error details unavailable: ${error.message})` };
        }
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
/** The tenant's own clock (`Date`), so a runner clock that is off cannot make an old entry look new. */
function answeredAt(response, fallbackMs) {
    const date = Date.parse(response.headers.date ?? '');
    return Number.isNaN(date) ? fallbackMs : date;
}

;// CONCATENATED MODULE: ./src/providers/sap/settings.ts






/** Tenants show a built artifact in the runtime within seconds; two minutes leave room for a busy one. */
const MIN_RUNTIME_GRACE_MS = 120_000;
/** Field name → the spellings keys use: the BTP cockpit's lower case, and camelCase from other tools. */
const KEY_FIELDS = {
    clientid: ['clientid', 'clientId'],
    clientsecret: ['clientsecret', 'clientSecret'],
    tokenurl: ['tokenurl', 'tokenUrl'],
    url: ['url'],
    certificate: ['certificate'],
    key: ['key'],
    certurl: ['certurl', 'certUrl'],
    'credential-type': ['credential-type', 'credentialType'],
};
const API_PATH = '/api/v1';
const TOKEN_PATH = '/oauth/token';
function resolveSettings(config) {
    if (config.ids.length === 0 && config.packages.length === 0) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is required for sap-cloud-integration: the artifact Id(s), e.g. 'My_IFlow' (the Id, not the display name), or '${inputs/* INPUT */.bO.package}'.`);
    }
    const serviceKey = config.credentials.serviceKey === undefined ? undefined : parseServiceKey(config.credentials.serviceKey);
    const tenantUrl = config.url ?? serviceKey?.url;
    if (tenantUrl === undefined) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.url, `Input '${inputs/* INPUT */.bO.url}' is required for sap-cloud-integration unless the service key has 'oauth.url'.`);
    }
    return {
        root: serviceRoot(tenantUrl),
        auth: serviceKey ? withoutUrl(serviceKey) : authFromInputs(config.credentials),
        ids: config.ids,
        artifactType: config.artifactType,
        version: config.version,
        runtimeGraceMs: Math.max(config.wait.discoveryTimeoutMs, MIN_RUNTIME_GRACE_MS),
    };
}
function withoutUrl({ url: _url, ...auth }) {
    return auth;
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
 * A service key of the Process Integration Runtime `api` plan: `{"oauth":{…}}`, or the same fields at the top
 * level, in lower case or camelCase. A certificate key (`credential-type: x509`: `certificate` + `key`, no
 * `clientsecret`) gets its token from `certurl` + `/oauth/token` where given, else `tokenurl`. Error
 * messages name fields, never values: the whole key is a secret.
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
    const field = (name) => KEY_FIELDS[name].map((spelling) => fields[spelling]).find((v) => v !== undefined);
    const x509 = String(field('credential-type') ?? '').toLowerCase() === 'x509' ||
        (field('clientsecret') === undefined && (field('certificate') !== undefined || field('key') !== undefined));
    const required = x509
        ? ['clientid', 'certificate', 'key', ...((0,json/* nonEmptyString */.y0)(field('certurl')) ? [] : ['tokenurl'])]
        : ['clientid', 'clientsecret', 'tokenurl'];
    const missing = required.filter((name) => !(0,json/* nonEmptyString */.y0)(field(name)));
    if (missing.length > 0) {
        const names = missing.map((name) => `'${prefix}${name}'`).join(', ');
        throw keyError(x509
            ? `is a certificate (X.509) key but has no ${names}. Use the whole key as the BTP cockpit shows it.`
            : `has no ${names}. Use a key of the Process Integration Runtime service with plan 'api' and grant type client credentials.`);
    }
    const urlField = (name) => {
        const value = field(name);
        if (!(0,json/* nonEmptyString */.y0)(value) || 'error' in (0,values/* parseHttpUrl */.f$)(value)) {
            throw keyError(`has a '${prefix}${name}' that is not an absolute http(s) URL.`);
        }
        return value.trim();
    };
    const clientId = field('clientid').trim();
    let key;
    if (x509) {
        const tokenUrl = (0,json/* nonEmptyString */.y0)(field('certurl')) ? certTokenUrl(urlField('certurl')) : urlField('tokenurl');
        const pem = certificateOrThrow({ certificate: field('certificate'), key: field('key') }, {
            certificate: `Input '${inputs/* INPUT */.bO.serviceKey}' field '${prefix}certificate'`,
            key: `Input '${inputs/* INPUT */.bO.serviceKey}' field '${prefix}key'`,
        }, { certificate: inputs/* INPUT */.bO.serviceKey, key: inputs/* INPUT */.bO.serviceKey });
        key = { kind: 'oauth-certificate', clientId, tokenUrl, ...pem };
    }
    else {
        key = { kind: 'oauth', clientId, clientSecret: field('clientsecret'), tokenUrl: urlField('tokenurl') };
    }
    if (field('url') !== undefined)
        key.url = urlField('url');
    return key;
}
/** `https://x.authentication.cert.eu10.hana.ondemand.com` → its `/oauth/token`. */
function certTokenUrl(certUrl) {
    const base = certUrl.replace(/\/+$/, '');
    return base.endsWith(TOKEN_PATH) ? base : `${base}${TOKEN_PATH}`;
}
function certificateOrThrow(raw, origins, inputs) {
    try {
        return validateClientCertificate(raw, origins);
    }
    catch (error) {
        if (error instanceof PemProblem)
            throw new errors/* InputError */.d(inputs[error.part], `${error.message}.`);
        throw error;
    }
}
/** Without a service key: client credentials (with a secret or a certificate), then Basic, then a bearer token. */
function authFromInputs(credentials) {
    const { clientId, clientSecret, tokenUrl, clientCertificate, clientKey, token } = credentials;
    const certificateGiven = clientCertificate !== undefined || clientKey !== undefined;
    if (clientId !== undefined || clientSecret !== undefined || tokenUrl !== undefined || certificateGiven) {
        if (certificateGiven && clientSecret !== undefined) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.clientSecret, `Inputs '${inputs/* INPUT */.bO.clientSecret}' and '${inputs/* INPUT */.bO.clientCertificate}'/'${inputs/* INPUT */.bO.clientKey}' are two ways to authenticate the client: set one of them.`);
        }
        const parts = certificateGiven
            ? [
                [inputs/* INPUT */.bO.clientId, clientId],
                [inputs/* INPUT */.bO.clientCertificate, clientCertificate],
                [inputs/* INPUT */.bO.clientKey, clientKey],
                [inputs/* INPUT */.bO.tokenUrl, tokenUrl],
            ]
            : [
                [inputs/* INPUT */.bO.clientId, clientId],
                [inputs/* INPUT */.bO.clientSecret, clientSecret],
                [inputs/* INPUT */.bO.tokenUrl, tokenUrl],
            ];
        const absent = parts.find(([, value]) => value === undefined);
        if (absent) {
            const names = parts.map(([name]) => `'${name}'`).join(', ');
            throw new errors/* InputError */.d(absent[0], `Input '${absent[0]}' is required with OAuth client credentials: set ${names} together (or use '${inputs/* INPUT */.bO.serviceKey}').`);
        }
        const parsed = (0,values/* parseHttpUrl */.f$)(tokenUrl);
        if ('error' in parsed)
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.tokenUrl, `Input '${inputs/* INPUT */.bO.tokenUrl}' ${parsed.error}.`);
        const common = { clientId: clientId, tokenUrl: tokenUrl.trim() };
        if (!certificateGiven)
            return { kind: 'oauth', ...common, clientSecret: clientSecret };
        const pem = certificateOrThrow({ certificate: clientCertificate, key: clientKey }, { certificate: `Input '${inputs/* INPUT */.bO.clientCertificate}'`, key: `Input '${inputs/* INPUT */.bO.clientKey}'` }, { certificate: inputs/* INPUT */.bO.clientCertificate, key: inputs/* INPUT */.bO.clientKey });
        return { kind: 'oauth-certificate', ...common, ...pem };
    }
    const basic = (0,providers_auth/* basicCredentials */.BG)(credentials);
    if (basic)
        return { kind: 'basic', ...basic };
    if (token !== undefined)
        return { kind: 'bearer', token };
    throw new errors/* InputError */.d(inputs/* INPUT */.bO.serviceKey, `sap-cloud-integration needs credentials: '${inputs/* INPUT */.bO.serviceKey}' (recommended), or '${inputs/* INPUT */.bO.clientId}'/'${inputs/* INPUT */.bO.clientSecret}'/'${inputs/* INPUT */.bO.tokenUrl}', or '${inputs/* INPUT */.bO.clientId}'/'${inputs/* INPUT */.bO.clientCertificate}'/'${inputs/* INPUT */.bO.clientKey}'/'${inputs/* INPUT */.bO.tokenUrl}', or '${inputs/* INPUT */.bO.username}'/'${inputs/* INPUT */.bO.password}', or '${inputs/* INPUT */.bO.token}'.`);
}
const keyError = (problem) => new errors/* InputError */.d(inputs/* INPUT */.bO.serviceKey, `Input '${inputs/* INPUT */.bO.serviceKey}' ${problem}`);

;// CONCATENATED MODULE: ./src/providers/sap/index.ts





const sapProvider = {
    canTrigger: true,
    prepare(config) {
        const settings = resolveSettings(config);
        const packages = resolvePackageSettings(config);
        const { auth } = settings;
        return {
            targets: settings.ids,
            endpoint: rootEndpoint(settings.root),
            secrets: secretsOf(auth),
            // Presented to the token URL's origin only: the tenant's API and anything else never see it.
            clientCertificate: auth.kind === 'oauth-certificate'
                ? { origin: new URL(auth.tokenUrl).origin, certificate: auth.certificate, key: auth.key }
                : undefined,
            open: (context) => new SapSession(settings, context, Date.now, packages),
        };
    },
};
/** The client secret and the Basic credential made of it (sent to the token URL), or the PEMs of a certificate. */
function secretsOf(auth) {
    if (auth.kind === 'oauth')
        return [auth.clientSecret, (0,providers_auth/* basicCredential */.gp)(auth.clientId, auth.clientSecret)];
    if (auth.kind === 'oauth-certificate')
        return pemSecrets(auth);
    return [];
}


/***/ })

};
