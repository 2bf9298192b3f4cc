export const id = 728;
export const ids = [728];
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

/***/ 6728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OPENSEARCH_STATES: () => (/* binding */ OPENSEARCH_STATES),
/* harmony export */   opensearchProvider: () => (/* binding */ opensearchProvider),
/* harmony export */   snapshotFromStatus: () => (/* binding */ snapshotFromStatus)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4389);
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3750);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6153);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8549);
/* harmony import */ var _http_status_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8848);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5714);
/* harmony import */ var _not_found_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6162);
/* harmony import */ var _path_id_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6065);









/** Flow Framework `state` → normalized state (SPEC "opensearch-flow-framework"). */
const OPENSEARCH_STATES = {
    NOT_STARTED: 'pending',
    PROVISIONING: 'in_progress',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
};
const API = '/_plugins/_flow_framework/workflow';
const opensearchProvider = {
    canTrigger: true,
    prepare(config) {
        if (config.ids.length === 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.id, `Input '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.id}' is required for opensearch-flow-framework: the workflow id(s).`);
        }
        (0,_path_id_js__WEBPACK_IMPORTED_MODULE_7__/* .assertPathSegmentIds */ .B)(config.ids, 'a workflow id');
        // A lone username or password is a typo: refused here, before any request.
        (0,_auth_js__WEBPACK_IMPORTED_MODULE_5__/* .basicCredentials */ .BG)(config.credentials);
        const base = clusterBase(config);
        return { targets: config.ids, endpoint: base, secrets: [], open: (context) => openSession(context, base) };
    },
};
/** The cluster's URL without query, fragment or trailing slash: the API paths are added to it. */
function clusterBase(config) {
    return (0,_config_values_js__WEBPACK_IMPORTED_MODULE_1__/* .displayEndpoint */ .OI)(new URL(config.url ?? ''));
}
function workflowUrl(base, id, action) {
    return `${base}${API}/${encodeURIComponent(id)}/${action}${action === '_status' ? '?all=true' : ''}`;
}
function openSession({ config, http }, base) {
    const headers = { accept: 'application/json', ...(0,_auth_js__WEBPACK_IMPORTED_MODULE_5__/* .basicOrBearer */ .FO)(config.credentials) };
    return {
        triggerIsRepeatable: true,
        async trigger(id, { signal, timeoutMs }) {
            const response = await http.request({
                method: 'POST',
                url: workflowUrl(base, id, '_provision'),
                headers,
                signal,
                timeoutMs,
            });
            if (response.status === 400 && isAlreadyProvisioned(response)) {
                return { message: `${id}: already provisioned or provisioning — following its status` };
            }
            (0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .assertStatus */ .LZ)(response, [200, 202], `provisioning workflow ${id}`);
            return { message: `${id}: provisioning requested (HTTP ${response.status})` };
        },
        async read(id, { signal, timeoutMs }) {
            const response = await http.request({ url: workflowUrl(base, id, '_status'), headers, signal, timeoutMs });
            const context = `status of workflow ${id}`;
            if (response.status === 404)
                return (0,_not_found_js__WEBPACK_IMPORTED_MODULE_6__/* .notFoundSnapshot */ .u)(response, context, `workflow ${id} not found — check url and id`);
            (0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .assertStatus */ .LZ)(response, [200], `reading the ${context}`);
            const status = (0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonBody */ .Y2)(response, context);
            (0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .assertSameTarget */ .SA)((0,_core_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isRecord */ .u4)(status) ? status.workflow_id : undefined, id, 'workflow', context);
            return snapshotFromStatus(status);
        },
    };
}
/**
 * Flow Framework refuses to provision a workflow whose state is not NOT_STARTED; for a gate
 * that is not a failure: the workflow's own status says how it went.
 */
function isAlreadyProvisioned(response) {
    return /already|provisioning state is|can ?not be provisioned/i.test((0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonErrorText */ .yc)(response.body) ?? '');
}
/** Maps one `_status?all=true` body to a snapshot. Pure. */
function snapshotFromStatus(status) {
    if (!(0,_core_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isRecord */ .u4)(status))
        throw unreadable('the body is not a JSON object');
    const word = typeof status.state === 'string' ? status.state : '';
    const state = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_8__/* .lookupWord */ .Vr)(OPENSEARCH_STATES, word) ?? 'unknown';
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
            return error ? `provisioning failed: ${(0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .Kb)(error)}` : 'provisioning failed';
        default:
            return word ? `unrecognized workflow state '${(0,_http_status_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .Kb)(word, 60)}'` : 'the status has no state field';
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
    return value.filter(_core_json_js__WEBPACK_IMPORTED_MODULE_8__/* .isRecord */ .u4).map((resource) => {
        const details = {};
        for (const key of ['resource_type', 'resource_id', 'workflow_step_id']) {
            const field = resource[key];
            if (typeof field === 'string' || typeof field === 'number')
                details[key] = String(field);
        }
        return {
            name: [resource.workflow_step_name, resource.workflow_step_id].find(_core_json_js__WEBPACK_IMPORTED_MODULE_8__/* .nonEmptyString */ .y0) ?? 'step',
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
const unreadable = (why) => new _http_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpError */ .j(`unreadable workflow status: ${why}`, { kind: 'permanent' });


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
