export const id = 955;
export const ids = [955];
export const modules = {

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

/***/ 7955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nlFlowProvider: () => (/* binding */ nlFlowProvider)
});

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/http/status.ts
var http_status = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/providers/auth.ts
var auth = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/providers/not-found.ts
var not_found = __webpack_require__(6162);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/providers/nl-flow/mapping.ts



/** `actualStatus` of a PUBLISHED workflow, and `status` of its stream and services. */
const NL_FLOW_ACTUAL_STATES = {
    GREEN: 'succeeded',
    // Usable, but not every instance is up: it may still become GREEN, so the wait goes on without allow-degraded.
    YELLOW: 'degraded',
    ORANGE: 'in_progress',
    RED: 'in_progress',
};
/**
 * `actualStatus` of a PUBLISHED workflow whose `publishingMode` is ASYNC, where it differs from the table
 * above: an asynchronous workflow already accepts and queues analysis tasks while ORANGE (an autoscaled one
 * with minimum 0 replicas may stay there), so it is usable. RED also means "in error": never ready on it.
 */
const NL_FLOW_ASYNC_ACTUAL_STATES = {
    ORANGE: 'degraded',
};
/** `desiredStatus` → state; `PUBLISHED` leaves it to `actualStatus`. */
const NL_FLOW_DESIRED_STATES = {
    PUBLISHED: 'by-actual-status',
    UNPUBLISHED: 'inactive',
};
const MESSAGE_MAX = 300;
const COMPONENT_MESSAGE_MAX = 500;
function snapshotFromWorkflowStatus(status) {
    if (!(0,json/* isRecord */.u4)(status))
        throw new http_errors/* HttpError */.j('unreadable workflow status: the body is not a JSON object', { kind: 'permanent' });
    const words = {
        desired: wordOf(status.desiredStatus),
        actual: wordOf(status.actualStatus),
        mode: wordOf(status.publishingMode),
    };
    const state = stateOf(words);
    const details = (0,json/* isRecord */.u4)(status.details) ? status.details : {};
    const components = [...streamOf(details.stream), ...servicesOf(details.services)];
    const snapshot = {
        state,
        providerStatus: [words.desired, words.actual, words.mode].filter(Boolean).join('/') || '(no status)',
        message: messageOf(state, words, components),
        components,
    };
    const progress = progressOf(components);
    if (progress !== undefined)
        snapshot.progress = progress;
    return snapshot;
}
function stateOf({ desired, actual, mode }) {
    const intent = (0,json/* lookupWord */.Vr)(NL_FLOW_DESIRED_STATES, desired);
    if (intent === undefined)
        return 'unknown';
    if (intent !== 'by-actual-status')
        return intent;
    const asynchronous = mode.toUpperCase() === 'ASYNC' ? (0,json/* lookupWord */.Vr)(NL_FLOW_ASYNC_ACTUAL_STATES, actual) : undefined;
    return asynchronous ?? (0,json/* lookupWord */.Vr)(NL_FLOW_ACTUAL_STATES, actual) ?? 'unknown';
}
function messageOf(state, words, components) {
    const troubled = components
        .filter((component) => component.state !== 'succeeded' && component.message)
        .map((component) => `${component.name}: ${component.message}`);
    const headline = headlineOf(state, words, components);
    return (0,http_status/* excerpt */.Kb)(troubled.length > 0 ? `${headline} — ${troubled.join('; ')}` : headline, MESSAGE_MAX);
}
function headlineOf(state, { desired, actual, mode }, components) {
    const counted = instanceCount(components);
    const instances = counted ? ` (${counted.actual}/${counted.desired} instances active)` : '';
    switch (state) {
        case 'succeeded':
            return `published and usable${instances}`;
        case 'degraded':
            return actual.toUpperCase() === 'ORANGE'
                ? `published, ASYNC: usable already, analysis tasks are queued until a service has an active instance${instances}`
                : `published and usable, but not every instance is active yet${instances}; may still become GREEN`;
        case 'in_progress':
            return `${actual.toUpperCase() === 'RED' ? 'being published or in error: no service has an active instance' : 'being published: a service has no active instance yet'}${instances}${usability(mode)}`;
        case 'inactive':
            return `unpublished (desired status ${desired})`;
        default:
            if (!desired)
                return 'the status has no desiredStatus';
            if (!actual && desired.toUpperCase() === 'PUBLISHED')
                return 'the status has no actualStatus';
            return `unrecognized status: desiredStatus '${(0,http_status/* excerpt */.Kb)(desired, 60)}', actualStatus '${(0,http_status/* excerpt */.Kb)(actual, 60)}'`;
    }
}
/** What ORANGE and RED mean for a caller depends on the publishing mode. */
function usability(mode) {
    switch (mode.toUpperCase()) {
        case 'ASYNC':
            return '; ASYNC: RED can also mean the workflow is in error, so it is never counted as ready';
        case 'SYNC':
            return '; SYNC: not usable yet';
        default:
            return '';
    }
}
function streamOf(stream) {
    if (!(0,json/* isRecord */.u4)(stream))
        return [];
    return [componentOf(stream, 'stream')];
}
function servicesOf(services) {
    if (!Array.isArray(services))
        return [];
    return services.filter(json/* isRecord */.u4).map((service) => componentOf(service, 'service'));
}
function componentOf(item, kind) {
    const word = wordOf(item.status);
    const component = {
        name: (0,json/* nonEmptyString */.y0)(item.id) ? item.id : kind,
        kind,
        state: (0,json/* lookupWord */.Vr)(NL_FLOW_ACTUAL_STATES, word) ?? 'unknown',
        providerStatus: word,
    };
    const desired = countOf(item.desired);
    if (desired !== undefined)
        component.desired = desired;
    const actual = countOf(item.actual);
    if (actual !== undefined)
        component.actual = actual;
    const rollout = [wordOf(item.rolloutStatus), wordOf(item.rolloutStatusReason)].filter(Boolean);
    const replicas = Array.isArray(item.replicasDetail) ? item.replicasDetail.filter(json/* isRecord */.u4) : [];
    const details = {};
    if (rollout.length > 0)
        details.rollout = rollout.join(': ');
    if (replicas.length > 0)
        details.replicas = `${replicas.filter((replica) => replica.ready === true).length}/${replicas.length} ready`;
    if (Object.keys(details).length > 0)
        component.details = details;
    if (component.state !== 'succeeded')
        component.message = (0,http_status/* excerpt */.Kb)(troubleOf(item, replicas, word), COMPONENT_MESSAGE_MAX);
    return component;
}
/** Why a stream or service is not GREEN: its waiting replicas' own words, else its status and counts. */
function troubleOf(item, replicas, word) {
    const waiting = replicas
        .filter((replica) => replica.ready !== true)
        .map((replica) => [wordOf(replica.status), wordOf(replica.statusMessage)].filter(Boolean).join(': '))
        .filter(Boolean);
    if (waiting.length > 0)
        return [...new Set(waiting)].join('; ');
    const counts = countOf(item.desired) === undefined ? '' : ` (${countOf(item.actual) ?? 0}/${countOf(item.desired)})`;
    return `${word || 'no status'}${counts}`;
}
/** Σactual ÷ Σdesired over the stream and the services; absent when nothing is desired. */
function progressOf(components) {
    const counted = instanceCount(components);
    if (!counted)
        return undefined;
    return Math.round((counted.actual / counted.desired) * 100);
}
function instanceCount(components) {
    let desired = 0;
    let actual = 0;
    for (const component of components) {
        if (component.desired === undefined)
            continue;
        desired += component.desired;
        // A rollout can run more instances than desired for a moment; surplus is not progress.
        actual += Math.min(component.actual ?? 0, component.desired);
    }
    return desired > 0 ? { actual, desired } : undefined;
}
const wordOf = (value) => (typeof value === 'string' ? value.trim() : '');
function countOf(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

;// CONCATENATED MODULE: ./src/providers/nl-flow/target.ts


const API = '/api/v1/runtime/workflow';
const STATUS_ENDPOINT = /^(.*?)\/api\/v1\/runtime\/workflow\/([^/]+)\/action\/status\/*$/;
function resolveWorkflows(config) {
    const url = new URL(config.url ?? '');
    const endpoint = STATUS_ENDPOINT.exec(url.pathname);
    if (!endpoint) {
        if (config.ids.length === 0) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is required for nl-flow unless '${inputs/* INPUT */.bO.url}' is the workflow status endpoint copied from the NL Flow dashboard (https://host${API}/<id>/action/status).`);
        }
        // A URL copied up to the API root is the host all the same.
        return { base: url.origin + url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, ''), ids: config.ids };
    }
    const [, prefix = '', encodedId = ''] = endpoint;
    const idInUrl = decodeSegment(encodedId);
    const others = config.ids.filter((id) => id !== idInUrl);
    if (others.length > 0) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' ('${others.join(', ')}') differs from the workflow id in '${inputs/* INPUT */.bO.url}' ('${idInUrl}'): leave '${inputs/* INPUT */.bO.id}' empty, or give the runtime's host as '${inputs/* INPUT */.bO.url}' to watch several workflows.`);
    }
    return { base: url.origin + prefix, ids: [idInUrl] };
}
function statusUrl(base, id) {
    return `${base}${API}/${encodeURIComponent(id)}/action/status`;
}
function decodeSegment(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.url, `Input '${inputs/* INPUT */.bO.url}' has a malformed percent-encoding in the workflow id '${segment}'.`);
    }
}

// EXTERNAL MODULE: ./src/providers/path-id.ts
var path_id = __webpack_require__(6065);
;// CONCATENATED MODULE: ./src/providers/nl-flow.ts









const nlFlowProvider = {
    // The NL Flow API documents no way to publish a workflow: a deploy is started elsewhere.
    canTrigger: false,
    prepare(config) {
        const apiKey = apiKeyOf(config);
        const { base, ids } = resolveWorkflows(config);
        (0,path_id/* assertPathSegmentIds */.B)(ids, 'a workflow id');
        return {
            targets: ids,
            endpoint: (0,values/* displayEndpoint */.OI)(new URL(base)),
            secrets: [],
            open: (context) => openSession(context, base, apiKey),
        };
    },
};
function apiKeyOf(config) {
    const key = config.credentials.apiKey;
    if (!key) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.apiKey, `Input '${inputs/* INPUT */.bO.apiKey}' is required for nl-flow: the API key associated with the workflow, sent as X-API-KEY.`);
    }
    return key;
}
function openSession({ config, http }, base, apiKey) {
    const { token } = config.credentials;
    const headers = {
        accept: 'application/json',
        'x-api-key': apiKey,
        // For a gateway in front of the runtime: the API key alone is what NL Flow itself checks.
        ...(token ? { authorization: (0,auth/* bearerAuthorization */.Dv)(token) } : {}),
    };
    return {
        async read(id, { signal, timeoutMs }) {
            const response = await http.request({ url: statusUrl(base, id), headers, signal, timeoutMs });
            const what = `status of workflow ${id}`;
            // NL Flow answers 404 without a body for a workflow that was never published (or does not exist).
            if (response.status === 404) {
                return (0,not_found/* notFoundSnapshot */.u)(response, what, `workflow ${id} not found: never published, or wrong id`);
            }
            (0,http_status/* assertStatus */.LZ)(response, [200], `reading the ${what}`);
            return snapshotFromWorkflowStatus((0,http_status/* parseJsonBody */.Y2)(response, what));
        },
    };
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
