export const id = 652;
export const ids = [652];
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

/***/ 6652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_SESSION_TARGET: () => (/* binding */ DEPLOY_SESSION_TARGET),
  installerProvider: () => (/* binding */ installerProvider)
});

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/http/status.ts
var http_status = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/providers/not-found.ts
var not_found = __webpack_require__(6162);
// EXTERNAL MODULE: ./src/providers/auth.ts
var auth = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/providers/installer/words.ts
/** The installer's words → normalized states (SPEC "installer"), compared case-insensitively. */

/** `status` and `session.status`. */
const INSTALLER_STATES = {
    running: 'in_progress',
    deploying: 'in_progress',
    installing: 'in_progress',
    'in progress': 'in_progress',
    pending: 'pending',
    queued: 'pending',
    idle: 'pending',
    completed: 'succeeded',
    succeeded: 'succeeded',
    success: 'succeeded',
    done: 'succeeded',
    failed: 'failed',
    error: 'failed',
    cancelled: 'failed',
    canceled: 'failed',
};
/** `registrations[].status`: a registration with `error` set is failed whatever its status says. */
const REGISTRATION_STATES = {
    registered: 'succeeded',
    succeeded: 'succeeded',
    success: 'succeeded',
    completed: 'succeeded',
    done: 'succeeded',
    pending: 'pending',
    queued: 'pending',
    registering: 'in_progress',
    running: 'in_progress',
    'in progress': 'in_progress',
    failed: 'failed',
    error: 'failed',
};
/** `In_Progress`, `in-progress` and `IN PROGRESS` are one word. */
function lookUp(table, word) {
    const key = word
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ');
    return (0,json/* ownEntry */.Pl)(table, key) ?? 'unknown';
}
/**
 * Which of `status` (top) and `session.status` decides. The session's word is the more specific one; the
 * top-level word stands in when the session has none. A failure in either is a failure, and a success needs
 * both (when both are there): a completed session under a top-level `running`, `idle` or unrecognized word
 * is not taken as ready.
 */
function decidingSide(top, session) {
    if (session === undefined)
        return top === undefined ? undefined : 'top';
    if (top === undefined)
        return 'session';
    if (session === 'failed')
        return 'session';
    return top === 'failed' || session === 'succeeded' ? 'top' : 'session';
}

;// CONCATENATED MODULE: ./src/providers/installer/message.ts


const MESSAGE_MAX = 300;
const FAILURE_WORDS = new Set(['failed', 'cancelled', 'canceled']);
function messageOf(state, facts) {
    return (0,http_status/* excerpt */.Kb)(headline(state, facts), MESSAGE_MAX);
}
function headline(state, facts) {
    const deploy = facts.sessionId ? `deploy session ${facts.sessionId}` : 'deploy';
    const { registrations } = facts;
    const failed = registrations.filter((registration) => registration.state === 'failed');
    if (sessionCompletedButNotInstaller(state, facts)) {
        return `${deploy} completed, but the installer's status is '${facts.topWord}'`;
    }
    switch (state) {
        case 'succeeded':
            return `${deploy} completed${registrations.length > 0 ? `, ${registrations.length} registered` : ''}`;
        case 'degraded':
            return `${deploy} completed, but ${failed.length} of ${registrations.length} registrations failed: ${failures(failed)}`;
        case 'failed':
            return `${deploy} ${failureVerb(facts.decidingWord)}${at(facts, ' in ')}${lastError(facts.logs)}`;
        case 'pending':
            return `${deploy} ${facts.decidingWord.toLowerCase()}, not started yet${at(facts, ': ')}`;
        case 'in_progress':
            return inProgress(deploy, facts, failed);
        default:
            return unknown(deploy, facts);
    }
}
function inProgress(deploy, facts, failed) {
    // A completed session is only in progress while registrations are (a failed one would make it degraded).
    if (lookUp(INSTALLER_STATES, facts.decidingWord) === 'succeeded') {
        const unfinished = facts.registrations.filter((r) => r.state === 'pending' || r.state === 'in_progress');
        return `${deploy} completed, waiting for registrations: ${unfinished.map((r) => r.name).join(', ')}`;
    }
    const trouble = failed.length > 0 ? ` — registration failed: ${failures(failed)}` : '';
    const doing = at(facts, '') || `${deploy} ${facts.decidingWord.toLowerCase()}`;
    return `${doing}${facts.progress === undefined ? '' : `, ${facts.progress}%`}${trouble}`;
}
function unknown(deploy, facts) {
    if (!facts.topWord && !facts.sessionWord)
        return 'the deploy status has no status field';
    const unrecognized = facts.registrations.filter((registration) => registration.state === 'unknown');
    if (lookUp(INSTALLER_STATES, facts.decidingWord) === 'succeeded' && unrecognized.length > 0) {
        const words = unrecognized.map((registration) => `${registration.name}: '${registration.providerStatus || '(none)'}'`);
        return `${deploy} completed, but registrations have an unrecognized status: ${words.join(', ')}`;
    }
    return `unrecognized deploy status '${facts.decidingWord}'`;
}
/** The session says completed, the installer as a whole does not (yet): say both, so nobody reads it as done. */
function sessionCompletedButNotInstaller(state, facts) {
    return (state !== 'succeeded' &&
        state !== 'failed' &&
        facts.decidingWord === facts.topWord &&
        facts.sessionWord !== '' &&
        lookUp(INSTALLER_STATES, facts.sessionWord) === 'succeeded' &&
        lookUp(INSTALLER_STATES, facts.topWord) !== 'succeeded');
}
function failureVerb(word) {
    return FAILURE_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : `failed (${word})`;
}
/** `installing-postgresql (postgresql)`: the phase and the component, as far as given. */
function at({ phase, component }, lead) {
    const text = phase && component && phase !== component ? `${phase} (${component})` : phase || component;
    return text ? `${lead}${text}` : '';
}
function failures(failed) {
    return failed
        .map((registration) => `${registration.name}: ${registration.message ?? registration.providerStatus}`)
        .join('; ');
}
function lastError(logs) {
    const error = logs.findLast((line) => /^(error|fatal)$/i.test(line.level ?? ''));
    return error ? `: ${error.message}` : '';
}

;// CONCATENATED MODULE: ./src/providers/installer/mapping.ts





/** A long deploy can log thousands of lines; the reports show the last few anyway. */
const MAX_SNAPSHOT_LOGS = 200;
function readDeployStatus(body) {
    if (!(0,json/* isRecord */.u4)(body))
        throw new http_errors/* HttpError */.j('unreadable deploy status: the body is not a JSON object', { kind: 'permanent' });
    const session = sessionOf(body.session);
    const words = { top: statusWordOf(body.status), session: statusWordOf(session.status) };
    const side = decidingSide(stateOfWord(words.top), stateOfWord(words.session));
    const registrations = registrationsOf(session.registrations);
    const logs = logsOf(session.logs);
    const state = withRegistrations(side ? lookUp(INSTALLER_STATES, words[side]) : 'unknown', registrations);
    const sessionId = (0,json/* nonEmptyString */.y0)(session.id) ? session.id.trim() : undefined;
    const progress = progressOf(session.progress);
    const facts = {
        topWord: words.top,
        sessionWord: words.session,
        decidingWord: side ? words[side] : '',
        phase: wordOf(session.currentPhase),
        component: wordOf(session.currentComponent),
        sessionId,
        progress,
        registrations,
        logs,
    };
    const snapshot = {
        state,
        providerStatus: providerStatusOf(words.top, words.session),
        message: messageOf(state, facts),
        components: registrations,
        logs: logs.slice(-MAX_SNAPSHOT_LOGS),
    };
    if (progress !== undefined)
        snapshot.progress = progress;
    // Once the session has completed, a failed registration will not be retried: degraded, and final.
    if (state === 'degraded')
        snapshot.final = true;
    if ((0,json/* nonEmptyString */.y0)(session.startedAt))
        snapshot.startedAt = session.startedAt.trim();
    if ((0,json/* nonEmptyString */.y0)(session.completedAt))
        snapshot.completedAt = session.completedAt.trim();
    return sessionId === undefined ? { snapshot } : { snapshot, sessionId };
}
const stateOfWord = (word) => (word ? lookUp(INSTALLER_STATES, word) : undefined);
/** A completed deploy is only as good as its registrations. */
function withRegistrations(state, registrations) {
    if (state !== 'succeeded')
        return state;
    const states = new Set(registrations.map((registration) => registration.state));
    if (states.has('failed'))
        return 'degraded';
    if (states.has('pending') || states.has('in_progress'))
        return 'in_progress';
    if (states.has('unknown'))
        return 'unknown';
    return 'succeeded';
}
/** `running`, or `idle/completed` (top-level, then session) when the two differ. */
function providerStatusOf(topWord, sessionWord) {
    if (topWord && sessionWord && topWord.toLowerCase() !== sessionWord.toLowerCase())
        return `${topWord}/${sessionWord}`;
    return sessionWord || topWord || '(no status)';
}
function registrationsOf(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter(json/* isRecord */.u4).map((registration, index) => {
        const word = statusWordOf(registration.status);
        const error = registrationError(registration.error);
        const registeredAt = wordOf(registration.registeredAt);
        const details = {};
        if (wordOf(registration.endpoint))
            details.endpoint = wordOf(registration.endpoint);
        if (word)
            details.status = word;
        if (registeredAt)
            details.registeredAt = registeredAt;
        if (error)
            details.error = error;
        const component = {
            name: wordOf(registration.name) || `registration ${index + 1}`,
            kind: 'registration',
            state: registrationState(word, error, registeredAt),
            providerStatus: word,
            details,
        };
        if (error)
            component.message = (0,http_status/* excerpt */.Kb)(error);
        return component;
    });
}
function registrationState(word, error, registeredAt) {
    if (error)
        return 'failed';
    if (word)
        return lookUp(REGISTRATION_STATES, word);
    return registeredAt ? 'succeeded' : 'unknown';
}
function logsOf(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter(json/* isRecord */.u4).flatMap((entry) => {
        const message = wordOf(entry.message);
        if (!message)
            return [];
        const line = { message };
        if (wordOf(entry.time))
            line.time = wordOf(entry.time);
        if (wordOf(entry.level))
            line.level = wordOf(entry.level);
        return [line];
    });
}
/** `session.progress`: a percentage, clamped to 0–100; numeric strings tolerated. */
function progressOf(value) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number))
        return undefined;
    return Math.min(100, Math.max(0, Math.round(number)));
}
const wordOf = (value) => (typeof value === 'string' ? value.trim() : '');
/** No session yet is an empty one; a session that is there but no object cannot be read. */
function sessionOf(value) {
    if (value === undefined || value === null)
        return {};
    if ((0,json/* isRecord */.u4)(value))
        return value;
    throw new http_errors/* HttpError */.j(`unreadable deploy status: 'session' is ${(0,json/* jsonKind */.ZC)(value)}, not an object`, {
        kind: 'permanent',
    });
}
/**
 * A status that is there but no word (a number, an object, a list) is unreadable: it stays `unknown`
 * rather than counting as absent, which would let the other status decide alone.
 */
function statusWordOf(value) {
    if (value === undefined || value === null)
        return '';
    return typeof value === 'string' ? value.trim() : UNREADABLE_STATUS;
}
const UNREADABLE_STATUS = '(unreadable status)';
/** Any `error` that says something (text, an object, `true`, a list, a number) fails the registration. */
function registrationError(value) {
    if (value === undefined || value === null || value === false)
        return '';
    if (typeof value === 'string')
        return value.trim();
    return `error given as ${(0,json/* jsonKind */.ZC)(value)}`;
}

;// CONCATENATED MODULE: ./src/providers/installer/session.ts


const LOG_LINE_MAX = 1000;
const ERROR_LEVELS = new Set(['error', 'fatal']);
class DeploySessionWatch {
    sessionId;
    printed = new Set();
    log;
    constructor(log) {
        this.log = log;
    }
    observe(body) {
        const { snapshot, sessionId } = readDeployStatus(body);
        this.printNewLines(snapshot.logs ?? []);
        if (sessionId === undefined)
            return snapshot;
        if (this.sessionId === undefined)
            this.sessionId = sessionId;
        if (sessionId === this.sessionId)
            return snapshot;
        return {
            ...snapshot,
            state: 'failed',
            message: `deploy session replaced: was ${this.sessionId}, now ${sessionId}`,
        };
    }
    /** The installer repeats its whole log on every read: each line is printed once. */
    printNewLines(lines) {
        for (const line of lines) {
            const key = JSON.stringify([line.time ?? '', line.level ?? '', line.message]);
            if (this.printed.has(key))
                continue;
            this.printed.add(key);
            // One line per entry, whatever the provider sent: a line of its own could pass for a workflow command.
            const stamp = [line.time, line.level].filter(Boolean).join(' ');
            const text = `installer log: ${stamp ? `${stamp} ` : ''}${(0,http_status/* excerpt */.Kb)(line.message, LOG_LINE_MAX)}`;
            if (ERROR_LEVELS.has((line.level ?? '').toLowerCase()))
                this.log.warning(text);
            else
                this.log.info(text);
        }
    }
}

;// CONCATENATED MODULE: ./src/providers/installer.ts







/** The one target: whatever deploy session the installer is running. */
const DEPLOY_SESSION_TARGET = 'deploy';
const STATUS_PATH = '/api/v1/installer/deploy/status';
const installerProvider = {
    // GetDeployStatus is all the documented API offers: the deploy is started elsewhere.
    canTrigger: false,
    prepare(config) {
        const token = tokenOf(config);
        if (config.ids.length > 0) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.id, `Input '${inputs/* INPUT */.bO.id}' is not used by installer: it watches the installer's current deploy session. Remove '${inputs/* INPUT */.bO.id}'.`);
        }
        const base = baseOf(config);
        return {
            targets: [DEPLOY_SESSION_TARGET],
            endpoint: (0,values/* displayEndpoint */.OI)(new URL(base)),
            secrets: [],
            open: (context) => openSession(context, base + STATUS_PATH, token),
        };
    },
};
function tokenOf(config) {
    const token = config.credentials.token;
    if (!token) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.token, `Input '${inputs/* INPUT */.bO.token}' is required for installer: the token sent as 'Authorization: Bearer …'.`);
    }
    return token;
}
/** `url` as the host, the API root or the status endpoint itself, with or without a trailing slash. */
function baseOf(config) {
    const url = new URL(config.url ?? '');
    return url.origin + url.pathname.replace(/\/+$/, '').replace(/\/api\/v1(\/installer\/deploy\/status)?$/, '');
}
function openSession({ http, log }, url, token) {
    const headers = { accept: 'application/json', authorization: (0,auth/* bearerAuthorization */.Dv)(token) };
    const watch = new DeploySessionWatch(log);
    return {
        async read(_id, { signal, timeoutMs }) {
            const response = await http.request({ url, headers, signal, timeoutMs });
            const what = 'deploy status';
            if (response.status === 404) {
                return (0,not_found/* notFoundSnapshot */.u)(response, what, 'no deploy status at this url (HTTP 404) — check url, or no deploy session exists yet');
            }
            (0,http_status/* assertStatus */.LZ)(response, [200], `reading the ${what}`);
            return watch.observe((0,http_status/* parseJsonBody */.Y2)(response, what));
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


/***/ })

};
