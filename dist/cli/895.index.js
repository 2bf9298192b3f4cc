export const id = 895;
export const ids = [895];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OP: () => (/* binding */ inputEnvVariable),
/* harmony export */   hT: () => (/* binding */ parseCliArgs),
/* harmony export */   hi: () => (/* binding */ CLI_FLAGS),
/* harmony export */   nb: () => (/* binding */ takesBareFlag)
/* harmony export */ });
/* harmony import */ var _config_input_docs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9192);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4389);
/**
 * The command line's arguments: one flag per input (derived from INPUT and its docs, never listed
 * here), plus the few flags that only say where the results go. Values stay raw text: the one input
 * parser (`parseConfig`) judges them, with the same messages as in a workflow.
 */


/** Flags of the command line that are not inputs. */
const CLI_FLAGS = {
    json: 'json',
    output: 'output',
    verbose: 'verbose',
    help: 'help',
};
const INPUT_NAMES = new Set(Object.values(_config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO));
/**
 * `summary` is a true/false input in a workflow; on the command line `--summary FILE` says where the
 * summary goes (none without it).
 */
const takesBareFlag = (name) => _config_input_docs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_DOCS */ .r[name].boolean === true && name !== _config_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT */ .bO.summary;
function parseCliArgs(argv) {
    const request = { inputs: {}, json: false, verbose: false, help: false };
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (arg === '-h') {
            request.help = true;
            continue;
        }
        // An argument that is no flag is not echoed: it may be a secret that lost its flag.
        if (!arg.startsWith('--'))
            return { error: `unexpected argument #${index + 1}: every input is a --flag (see --help)` };
        const equals = arg.indexOf('=');
        const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
        const inline = equals < 0 ? undefined : arg.slice(equals + 1);
        const next = argv[index + 1];
        const nextIsValue = next !== undefined && !next.startsWith('--');
        if (name === CLI_FLAGS.json || name === CLI_FLAGS.verbose || name === CLI_FLAGS.help) {
            if (inline !== undefined)
                return { error: `--${name} takes no value` };
            request[name] = true;
        }
        else if (name === CLI_FLAGS.output) {
            const value = inline ?? (nextIsValue ? argv[++index] : undefined);
            if (!value)
                return { error: `--${name} needs a file name` };
            request.outputFile = value;
        }
        else if (INPUT_NAMES.has(name)) {
            const input = name;
            let value = inline;
            if (value === undefined && nextIsValue)
                value = argv[++index];
            if (value === undefined && takesBareFlag(input))
                value = 'true';
            if (value === undefined)
                return { error: `--${name} needs a value (or --${name}=VALUE)` };
            const earlier = request.inputs[input];
            request.inputs[input] = earlier === undefined ? value : `${earlier}\n${value}`;
        }
        else {
            return { error: `unknown option ${/^[\w-]{1,40}$/.test(name) ? `'--${name}'` : `#${index + 1}`} (see --help)` };
        }
    }
    return { request };
}
/** `AWAIT_DEPLOY_API_KEY` for `api-key`. */
const inputEnvVariable = (name) => `AWAIT_DEPLOY_${name.toUpperCase().replace(/-/g, '_')}`;


/***/ }),

/***/ 1552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   SI: () => (/* binding */ EXIT_ERROR),
/* harmony export */   ai: () => (/* binding */ EXIT_CODES),
/* harmony export */   yt: () => (/* binding */ EXIT_BAD_INPUT)
/* harmony export */ });
const EXIT_CODES = [
    [0, 'ready'],
    [1, 'not ready: failed, not_found, inactive, degraded without allow-degraded'],
    [2, 'bad input (an unknown flag too)'],
    [3, 'error: the provider could not be asked'],
    [4, 'timed_out'],
    [130, 'cancelled by SIGINT'],
    [143, 'cancelled by SIGTERM'],
];
const EXIT_BAD_INPUT = 2;
const EXIT_ERROR = 3;
/**
 * A signal wins (the caller stopped the run; its outputs say how far it got); fail-on-not-ready: false
 * turns every verdict into 0, as it passes the step in a workflow, but never bad input.
 */
function exitCode(outcome, signal) {
    if (signal === 'SIGINT')
        return 130;
    if (signal === 'SIGTERM')
        return 143;
    if (outcome.inputError)
        return EXIT_BAD_INPUT;
    if (!outcome.failed)
        return 0;
    if (outcome.result.verdict === 'error')
        return EXIT_ERROR;
    if (outcome.result.verdict === 'timed_out')
        return 4;
    return 1;
}


/***/ }),

/***/ 6895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/providers/auth.ts
var auth = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/config/derived-secrets.ts

/**
 * What the inputs turn into on the wire: the Basic credential, `headers` values that look like
 * credentials, and the credential inside such a value (`Authorization: Bearer <token>`), which a
 * server may echo alone.
 */
function derivedSecrets(config) {
    const { username, password } = config.credentials;
    const derived = Object.entries(config.headers).flatMap(([name, value]) => headerSecrets(name, value));
    if (username !== undefined && password !== undefined)
        derived.push((0,auth/* basicCredential */.gp)(username, password));
    return derived;
}
const CREDENTIAL_HEADER_NAME = /auth|key|token|secret|cookie|session|passw|credential|signature/i;
/** `Bearer <token>`, `Basic <base64>`, `Token <token>`, `SSWS <token>`… */
const SCHEME_AND_CREDENTIAL = /^([A-Za-z][\w.+-]*)\s+(\S+)$/;
/** Whatever these carry is a credential, however short. */
const AUTHORIZATION_HEADERS = new Set(['authorization', 'proxy-authorization']);
function headerSecrets(name, value) {
    if (!CREDENTIAL_HEADER_NAME.test(name))
        return [];
    // A short value (`X-Api-Key-Version: 2`) is no secret, and masking it would blank it all over the log.
    if (!AUTHORIZATION_HEADERS.has(name.toLowerCase()) && value.length < 8)
        return [];
    const scheme = SCHEME_AND_CREDENTIAL.exec(value.trim());
    if (!scheme)
        return [value];
    const [, kind = '', credential = ''] = scheme;
    return [value, credential, ...(kind.toLowerCase() === 'basic' ? basicPassword(credential) : [])];
}
/** The password inside a Basic credential given in `headers`. */
function basicPassword(encoded) {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && colon < decoded.length - 1 ? [decoded.slice(colon + 1)] : [];
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/config/config.ts
var config = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/config/parameters.ts
/**
 * The `parameters` input: substitution values, `key=value` per line or a flat JSON object of strings.
 * Pure. Errors name the line and the key, never a value: every value may be a secret.
 */

const KEY = /^[A-Za-z0-9_.-]+$/;
function parseParameters(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { parameters: {} };
    return trimmed.startsWith('{') ? fromJson(trimmed) : fromLines(text);
}
function fromJson(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { error: 'starts with { but is not valid JSON' };
    }
    if (!(0,json/* isRecord */.u4)(parsed)) {
        return { error: 'is not a JSON object' };
    }
    const parameters = {};
    for (const [key, value] of Object.entries(parsed)) {
        if (!KEY.test(key))
            return { error: `has key '${shownKey(key)}': keys are letters, digits, '_', '.' and '-'` };
        if (typeof value !== 'string')
            return { error: `has a value for '${key}' that is not a string` };
        parameters[key] = value;
    }
    return { parameters };
}
function fromLines(text) {
    const parameters = {};
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        if (line.trim() === '')
            continue;
        const equals = line.indexOf('=');
        const key = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!KEY.test(key))
            return { error: `line ${index + 1} is not of the form 'key=value'` };
        if (key in parameters)
            return { error: `line ${index + 1} repeats the key '${key}'` };
        parameters[key] = line.slice(equals + 1).trim();
    }
    return { parameters };
}
const shownKey = (key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
;// CONCATENATED MODULE: ./src/config/parse.ts





const DEFAULTS = {
    [inputs/* INPUT */.bO.version]: 'active',
    [inputs/* INPUT */.bO.artifactType]: 'integration-flow',
    [inputs/* INPUT */.bO.timeout]: '10m',
    [inputs/* INPUT */.bO.interval]: '5s',
    [inputs/* INPUT */.bO.maxInterval]: '30s',
    [inputs/* INPUT */.bO.backoff]: '1.5',
    [inputs/* INPUT */.bO.requestTimeout]: '30s',
    [inputs/* INPUT */.bO.discoveryTimeout]: '0s',
    [inputs/* INPUT */.bO.stallTimeout]: '0s',
    [inputs/* INPUT */.bO.maxParallel]: '8',
    [inputs/* INPUT */.bO.awsService]: 'es',
};
const MAX_BACKOFF = 10;
/** Parses and validates every input once; throws InputError naming the first bad one. */
function parseConfig(readRaw, env = {}) {
    const read = (name) => readRaw(name).trim();
    const optional = (name) => read(name) || undefined;
    const withDefault = (name) => read(name) || DEFAULTS[name];
    const provider = oneOf(inputs/* INPUT */.bO.provider, read(inputs/* INPUT */.bO.provider), config/* PROVIDER_NAMES */.xd);
    const url = optional(inputs/* INPUT */.bO.url);
    if (url !== undefined) {
        const parsed = (0,values/* parseHttpUrl */.f$)(url);
        if ('error' in parsed)
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.url, `Input '${inputs/* INPUT */.bO.url}' ${parsed.error}.`);
    }
    else if (!(provider === 'sap-cloud-integration' && read(inputs/* INPUT */.bO.serviceKey))) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.url, `Input '${inputs/* INPUT */.bO.url}' is required for provider '${provider}' (only SAP with a service-key can do without it).`);
    }
    for (const name of [inputs/* INPUT */.bO.token, inputs/* INPUT */.bO.apiKey]) {
        // Sent as a header as it is: a value HTTP cannot carry would fail at the first request, with a less clear message.
        if (!(0,values/* isHeaderValue */.j3)(read(name))) {
            throw new errors/* InputError */.d(name, `Input '${name}' has ${values/* HEADER_VALUE_PROBLEM */.aF}; check for a pasted line break or quote.`);
        }
    }
    const headers = (0,values/* parseHeaders */.QG)(read(inputs/* INPUT */.bO.headers));
    if ('error' in headers)
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.headers, `Input '${inputs/* INPUT */.bO.headers}': ${headers.error}.`);
    const environmentUrl = optional(inputs/* INPUT */.bO.environmentUrl);
    if (environmentUrl !== undefined) {
        const parsed = (0,values/* parseHttpUrl */.f$)(environmentUrl);
        if ('error' in parsed) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.environmentUrl, `Input '${inputs/* INPUT */.bO.environmentUrl}' ${parsed.error}.`);
        }
    }
    const opensearch = parseOpenSearchSettings(provider, optional, withDefault);
    return {
        provider,
        url,
        ids: (0,values/* parseIdList */.hG)(read(inputs/* INPUT */.bO.id)),
        // A template or a use case is deployed: that is what they are for.
        deploy: booleanInput(read, inputs/* INPUT */.bO.deploy, false) || Boolean(opensearch.template ?? opensearch.useCase),
        version: withDefault(inputs/* INPUT */.bO.version),
        artifactType: oneOf(inputs/* INPUT */.bO.artifactType, withDefault(inputs/* INPUT */.bO.artifactType), config/* ARTIFACT_TYPES */.r5),
        packages: (0,values/* parseIdList */.hG)(read(inputs/* INPUT */.bO.package)),
        exclude: (0,values/* parseIdList */.hG)(read(inputs/* INPUT */.bO.exclude)),
        skipUnchanged: booleanInput(read, inputs/* INPUT */.bO.skipUnchanged, false),
        maxParallel: parseMaxParallel(withDefault(inputs/* INPUT */.bO.maxParallel)),
        credentials: {
            token: optional(inputs/* INPUT */.bO.token),
            apiKey: optional(inputs/* INPUT */.bO.apiKey),
            username: optional(inputs/* INPUT */.bO.username),
            password: optional(inputs/* INPUT */.bO.password),
            serviceKey: optional(inputs/* INPUT */.bO.serviceKey),
            clientId: optional(inputs/* INPUT */.bO.clientId),
            clientSecret: optional(inputs/* INPUT */.bO.clientSecret),
            tokenUrl: optional(inputs/* INPUT */.bO.tokenUrl),
            clientCertificate: optional(inputs/* INPUT */.bO.clientCertificate),
            clientKey: optional(inputs/* INPUT */.bO.clientKey),
        },
        headers: headers.headers,
        caCertificate: optional(inputs/* INPUT */.bO.caCertificate),
        opensearch,
        environment: runEnvironment(env),
        wait: parseWaitSettings(read, withDefault),
        failOnNotReady: booleanInput(read, inputs/* INPUT */.bO.failOnNotReady, true),
        summary: booleanInput(read, inputs/* INPUT */.bO.summary, true),
        github: {
            token: optional(inputs/* INPUT */.bO.githubToken),
            prComment: booleanInput(read, inputs/* INPUT */.bO.prComment, false),
            commitStatus: optional(inputs/* INPUT */.bO.commitStatus),
            environment: optional(inputs/* INPUT */.bO.environment),
            environmentUrl,
        },
    };
}
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
function parseOpenSearchSettings(provider, optional, withDefault) {
    const template = optional(inputs/* INPUT */.bO.template);
    const useCase = optional(inputs/* INPUT */.bO.useCase);
    const parametersText = optional(inputs/* INPUT */.bO.parameters);
    const region = optional(inputs/* INPUT */.bO.awsRegion);
    if (provider !== 'opensearch-flow-framework') {
        const given = [inputs/* INPUT */.bO.template, inputs/* INPUT */.bO.useCase, inputs/* INPUT */.bO.parameters, inputs/* INPUT */.bO.awsRegion].find((name) => optional(name));
        if (given) {
            throw new errors/* InputError */.d(given, `Input '${given}' is for provider 'opensearch-flow-framework' only, not '${provider}'.`);
        }
    }
    if (template !== undefined && useCase !== undefined) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.useCase, `Inputs '${inputs/* INPUT */.bO.template}' and '${inputs/* INPUT */.bO.useCase}' exclude each other: give one.`);
    }
    if (useCase !== undefined && !/^[a-z0-9_]+$/.test(useCase)) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.useCase, `Input '${inputs/* INPUT */.bO.useCase}' has value '${useCase.slice(0, 80)}'; expected a use case name such as semantic_search.`);
    }
    const parsed = parseParameters(parametersText ?? '');
    if ('error' in parsed)
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.parameters, `Input '${inputs/* INPUT */.bO.parameters}' ${parsed.error}.`);
    if (parametersText !== undefined && template === undefined && useCase === undefined) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.parameters, `Input '${inputs/* INPUT */.bO.parameters}' fills a '${inputs/* INPUT */.bO.template}' or a '${inputs/* INPUT */.bO.useCase}': give one of them too.`);
    }
    const service = oneOf(inputs/* INPUT */.bO.awsService, withDefault(inputs/* INPUT */.bO.awsService), config/* AWS_SERVICES */.JB);
    if (region !== undefined && !AWS_REGION.test(region)) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.awsRegion, `Input '${inputs/* INPUT */.bO.awsRegion}' has value '${region.slice(0, 40)}'; expected an AWS region such as eu-west-1.`);
    }
    return {
        template,
        useCase,
        parameters: parsed.parameters,
        aws: region === undefined ? undefined : { region, service: service },
    };
}
function runEnvironment(env) {
    const value = (name) => env[name]?.trim() || undefined;
    return {
        workspace: value('GITHUB_WORKSPACE') ?? '',
        awsCredentials: {
            accessKeyId: value('AWS_ACCESS_KEY_ID'),
            secretAccessKey: value('AWS_SECRET_ACCESS_KEY'),
            sessionToken: value('AWS_SESSION_TOKEN'),
        },
    };
}
/** Node fires a longer timer at once: a longer wait would turn into no wait at all. */
const MAX_DURATION_MS = 2 ** 31 - 1;
function parseWaitSettings(read, withDefault) {
    const duration = (name, allowZero) => {
        const text = withDefault(name);
        const ms = (0,values/* parseDuration */.E9)(text);
        if (ms === undefined) {
            throw new errors/* InputError */.d(name, `Input '${name}' has value '${text}', which is not a duration. Use seconds (90) or units: 90s, 5m, 1h30m, 250ms.`);
        }
        if (!allowZero && ms <= 0)
            throw new errors/* InputError */.d(name, `Input '${name}' must be longer than 0 (got '${text}').`);
        if (ms > MAX_DURATION_MS) {
            throw new errors/* InputError */.d(name, `Input '${name}' has value '${text}'; at most 596h (Node's timer limit) is accepted.`);
        }
        return ms;
    };
    const intervalMs = duration(inputs/* INPUT */.bO.interval, false);
    const backoffText = withDefault(inputs/* INPUT */.bO.backoff);
    const backoff = Number(backoffText);
    if (!/^\d+(\.\d+)?$/.test(backoffText) || backoff < 1 || backoff > MAX_BACKOFF) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.backoff, `Input '${inputs/* INPUT */.bO.backoff}' has value '${backoffText}'; expected a number from 1 (fixed interval) to ${MAX_BACKOFF}, e.g. 1.5.`);
    }
    return {
        timeoutMs: duration(inputs/* INPUT */.bO.timeout, false),
        intervalMs,
        // A cap below the first delay would only make the interval unreachable: the interval wins.
        maxIntervalMs: Math.max(intervalMs, duration(inputs/* INPUT */.bO.maxInterval, false)),
        backoff,
        requestTimeoutMs: duration(inputs/* INPUT */.bO.requestTimeout, false),
        discoveryTimeoutMs: duration(inputs/* INPUT */.bO.discoveryTimeout, true),
        stallTimeoutMs: duration(inputs/* INPUT */.bO.stallTimeout, true),
        allowDegraded: booleanInput(read, inputs/* INPUT */.bO.allowDegraded, false),
    };
}
const MAX_PARALLEL = 64;
function parseMaxParallel(text) {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > MAX_PARALLEL) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.maxParallel, `Input '${inputs/* INPUT */.bO.maxParallel}' has value '${text}'; expected a whole number from 1 to ${MAX_PARALLEL}.`);
    }
    return value;
}
function booleanInput(read, name, fallback) {
    const text = read(name);
    if (text === '')
        return fallback;
    const value = (0,values/* parseBoolean */.yG)(text);
    if (value === undefined) {
        throw new errors/* InputError */.d(name, `Input '${name}' has value '${text}'; expected true or false.`);
    }
    return value;
}
function oneOf(name, value, accepted) {
    if (value === '')
        throw new errors/* InputError */.d(name, `Input '${name}' is required: one of ${accepted.join(', ')}.`);
    if (!accepted.includes(value)) {
        throw new errors/* InputError */.d(name, `Input '${name}' has value '${value}'; expected one of ${accepted.join(', ')}.`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/core/redact.ts

/**
 * Knows every secret of the run (inputs and derived tokens) and blanks them out of text
 * that leaves the process outside the runner's own log masking: outputs, the job summary,
 * PR comments, commit status descriptions.
 */
class Redactor {
    shortest;
    secrets = new Set();
    /** shorter than 4 characters: blanked only from the job summary and what goes to the GitHub API */
    shortSecrets = new Set();
    /**
     * @param shortest Very short values would blank out ordinary words; the runner masks them in its log
     * anyway. Where no runner masks (the command line), every length is redacted.
     */
    constructor(shortest = 4) {
        this.shortest = shortest;
    }
    add(secret) {
        if (!secret)
            return;
        // Shown text loses its invisible format characters before it is redacted: so does the secret.
        const visible = (0,core_text/* withoutFormatCharacters */.K)(secret);
        if (visible !== secret)
            this.add(visible);
        if (secret.length >= this.shortest)
            this.secrets.add(secret);
        else
            this.shortSecrets.add(secret);
        // A multi-line secret (a service key) can leak line by line.
        for (const line of secret.split(/\r?\n/))
            if (line.trim().length >= 8)
                this.secrets.add(line.trim());
    }
    /**
     * For what people read (log, outputs, summary): invisible format characters go first, since one inside an
     * echoed secret would hide the secret from redaction.
     */
    redactShown(text) {
        return this.redact((0,core_text/* withoutFormatCharacters */.K)(text));
    }
    redact(text) {
        const result = blank(text, this.secrets);
        return result.includes(CUT) ? this.redactCutSecrets(result) : result;
    }
    /**
     * For text sent to the GitHub API (comment, statuses, deployment) and the job summary: no runner masks
     * it, so every secret is blanked whatever its length, even if that blanks an ordinary word that happens
     * to be a password. (Outputs keep such words: later steps compare them.)
     */
    redactForApi(text) {
        return blank(this.redactShown(text), this.shortSecrets);
    }
    /**
     * Provider text is cut to a short excerpt ending in "…" before it reaches here; a secret the provider
     * echoed may have been cut in half, and the start of it must not survive either.
     */
    redactCutSecrets(text) {
        return text
            .split(CUT)
            .map((part, index, parts) => (index === parts.length - 1 ? part : this.withoutSecretStart(part)))
            .join(CUT);
    }
    /** `text` without a trailing start (4 characters or more) of a secret. */
    withoutSecretStart(text) {
        let longest = 0;
        for (const secret of this.secrets) {
            for (let length = Math.min(secret.length - 1, text.length); length >= MIN_CUT_SECRET && length > longest; length--) {
                if (text.endsWith(secret.slice(0, length)))
                    longest = length;
            }
        }
        return longest > 0 ? `${text.slice(0, -longest)}***` : text;
    }
}
/** Longest first: a secret that contains another is blanked whole. */
function blank(text, secrets) {
    let result = text;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length))
        result = result.split(secret).join('***');
    return result;
}
const CUT = '…';
const MIN_CUT_SECRET = 4;

;// CONCATENATED MODULE: ./src/engine/abort.ts
/** Why the engine stopped following the targets before they ended: the run's own abort reason. */
class RunStopped extends Error {
    reason;
    by;
    name = 'RunStopped';
    constructor(reason, 
    /** for `error`: the target whose error stopped the run */
    by) {
        super(reason === 'cancelled' ? 'the run was cancelled' : `the run stopped on the error of ${by}`);
        this.reason = reason;
        this.by = by;
    }
}
/**
 * Settles like `work`, or rejects with the signal's reason as soon as it aborts: the engine must return
 * promptly on cancellation even when a session ignores its signal.
 */
function untilAborted(work, signal) {
    if (signal.aborted) {
        work.catch(() => { });
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}

// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/engine/backoff.ts
/** Each actual sleep is spread by ±20% so that many jobs polling one provider do not read in lockstep. */
const JITTER = 0.2;
/**
 * The delay before the next read, without jitter, after `waitedMs` of polling: `(backoff − 1) × waitedMs`,
 * never less than the interval nor more than the cap. Past the interval each delay is the previous one times
 * the factor, as in a plain geometric schedule (whose delay is the interval *plus* that term); taking the larger
 * of the two instead of their sum reads as often as a fixed `interval` loop while a deploy is young, and later
 * bounds how late a read can be to a fraction of the time already waited.
 */
function nextDelay(waitedMs, settings) {
    const delay = Math.max(settings.intervalMs, (settings.backoff - 1) * waitedMs);
    return Math.min(delay, settings.maxIntervalMs);
}
/** `delayMs` spread by ±20% with `random` in [0, 1): 0 gives −20%, values near 1 give almost +20%. */
function withJitter(delayMs, random) {
    return delayMs * (1 - JITTER + 2 * JITTER * random());
}

;// CONCATENATED MODULE: ./src/engine/deadline.ts
/** Keeps the run's end within a fraction of a second of `timeout`, whatever `request-timeout` is. */
const LAST_READ_GRACE_MS = 500;
function createDeadline(startMs, settings) {
    const endMs = startMs + settings.timeoutMs;
    return { startMs, endMs, hardEndMs: endMs + LAST_READ_GRACE_MS };
}
/**
 * When the next call starts if it should come `delayMs` after `nowMs`. A call that would start after the
 * deadline starts at the deadline instead (never earlier than now) and is the last one; none when time is up.
 */
function planCall(deadline, nowMs, delayMs) {
    if (nowMs >= deadline.endMs)
        return undefined;
    const wanted = nowMs + delayMs;
    if (wanted < deadline.endMs)
        return { atMs: wanted, last: false };
    return { atMs: deadline.endMs, last: true };
}
/** What one request may take: the request timeout, but never beyond the deadline's grace. */
function callTimeout(deadline, nowMs, requestTimeoutMs) {
    return Math.max(0, Math.min(requestTimeoutMs, deadline.hardEndMs - nowMs));
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/engine/semaphore.ts
/** Bounds how many requests are in flight at once, over all targets; waiters are served first come, first served. */
class Semaphore {
    available;
    waiting = [];
    constructor(limit) {
        this.available = Math.max(1, Math.floor(limit));
    }
    /** Resolves with the release function once a slot is free; rejects with the signal's reason when it aborts first. */
    acquire(signal) {
        if (signal.aborted)
            return Promise.reject(signal.reason);
        const free = this.tryAcquire();
        if (free)
            return Promise.resolve(free);
        return new Promise((resolve, reject) => {
            const grant = () => {
                signal.removeEventListener('abort', onAbort);
                resolve(this.releaser());
            };
            const onAbort = () => {
                this.waiting.splice(this.waiting.indexOf(grant), 1);
                reject(signal.reason);
            };
            signal.addEventListener('abort', onAbort, { once: true });
            this.waiting.push(grant);
        });
    }
    /** The release function of a slot that is free right now, without waiting; none when all are taken. */
    tryAcquire() {
        if (this.available === 0)
            return undefined;
        this.available--;
        return this.releaser();
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.available++;
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/run.ts






/** A call could not start: the deadline passed while it waited for a free slot. */
class OutOfTime extends Error {
    name = 'OutOfTime';
}
/**
 * What all targets of one run share: the deadline, the bound on requests in flight, and one stop signal
 * that aborts every sleep and call at once (cancellation from outside, or an `error` on any target).
 */
class Run {
    session;
    settings;
    clock;
    random;
    log;
    deadline;
    /**
     * While a dependency stage of a staged deploy runs, one target's `error` (a refused deploy) must not stop
     * the stages after it: the verdict is the worst anyway.
     */
    keepGoingOnError = false;
    slots;
    /** no request starts before this (epoch ms): the provider asked every target to wait */
    notBeforeMs = 0;
    stopper = new AbortController();
    outside;
    onOutsideAbort = () => this.stopper.abort(new RunStopped('cancelled'));
    constructor(options) {
        this.session = options.session;
        this.settings = options.settings;
        this.clock = options.clock;
        this.random = options.random;
        this.log = options.log;
        this.deadline = createDeadline(options.clock.now(), options.settings);
        this.slots = new Semaphore(options.maxInFlight);
        // Every target waits on the stop signal (a sleep, a slot or a call): many targets are not a leak.
        (0,external_node_events_.setMaxListeners)(0, this.stopper.signal);
        this.outside = options.signal;
        if (this.outside.aborted)
            this.onOutsideAbort();
        else
            this.outside.addEventListener('abort', this.onOutsideAbort, { once: true });
    }
    get signal() {
        return this.stopper.signal;
    }
    elapsedMs() {
        return this.clock.now() - this.deadline.startMs;
    }
    /** An `error` on one target ends the whole run: nothing it could still learn would change the verdict. */
    stopOnError(targetId) {
        if (!this.keepGoingOnError && !this.stopper.signal.aborted)
            this.stopper.abort(new RunStopped('error', targetId));
    }
    /** Detaches from the outside signal once every target has ended. */
    close() {
        this.outside.removeEventListener('abort', this.onOutsideAbort);
    }
    /** Real timers may fire a millisecond before the wall clock says they are due: sleeps until it agrees. */
    async sleepUntil(atMs) {
        if (this.signal.aborted)
            throw this.signal.reason;
        for (let ms = atMs - this.clock.now(); ms > 0; ms = atMs - this.clock.now())
            await this.clock.sleep(ms, this.signal);
    }
    /**
     * Runs one request in a free slot, with a timeout clipped to the deadline's grace that is enforced here too
     * (a transient error when it passes), and abandons it the moment the run stops. While the provider has asked
     * to slow down (a 429 with `Retry-After` on any target), the request waits for that first.
     */
    async call(request) {
        const release = this.slots.tryAcquire() ?? (await this.slotBeforeDeadline());
        try {
            await this.sleepUntil(Math.min(this.notBeforeMs, this.deadline.endMs));
            return await this.timed(request);
        }
        catch (error) {
            // Here, where one request runs: a step of the run is timed as a whole and its requests each again.
            this.noteRateLimit(error);
            throw error;
        }
        finally {
            release();
        }
    }
    /** `call` without a request slot of its own: for a step whose requests each take one (`FindOptions.call`). */
    async timed(request) {
        const timerDone = new AbortController();
        try {
            this.signal.throwIfAborted();
            const timeoutMs = callTimeout(this.deadline, this.clock.now(), this.settings.requestTimeoutMs);
            if (timeoutMs <= 0)
                throw new OutOfTime('no time left for another request');
            const timeout = new AbortController();
            const signal = AbortSignal.any([this.signal, timeout.signal]);
            this.clock.sleep(timeoutMs, timerDone.signal).then(() => timeout.abort(new http_errors/* HttpError */.j(`request timed out after ${(0,values/* formatDuration */.a3)(timeoutMs)}`, { kind: 'transient' })), () => { });
            return await untilAborted(request({ signal, timeoutMs }), signal);
        }
        finally {
            timerDone.abort();
        }
    }
    /** A tenant that answers 429 with `Retry-After` is too busy for every target, not just the one that asked. */
    noteRateLimit(error) {
        if (!(error instanceof http_errors/* HttpError */.j) || error.status !== 429 || error.retryAfterMs === undefined)
            return;
        const until = this.clock.now() + error.retryAfterMs;
        if (until <= this.notBeforeMs)
            return;
        this.notBeforeMs = until;
        this.log.info(`the provider asked to slow down (429): no request starts for ${(0,values/* formatDuration */.a3)(error.retryAfterMs)}`);
    }
    /**
     * Reads may start until the deadline, not after it: a slot that frees up only during the grace (kept
     * for answers to reads already under way) would start a read the schedule never planned.
     */
    async slotBeforeDeadline() {
        const release = await this.slots.acquire(this.signal);
        if (this.clock.now() <= this.deadline.endMs)
            return release;
        release();
        throw new OutOfTime('the deadline passed while waiting for a free request slot');
    }
}

;// CONCATENATED MODULE: ./src/engine/schedule.ts

/**
 * The second read comes this fraction of `interval` after the first (2 s with the default 5 s): a deploy that is
 * ready within a second or two is seen then rather than a whole interval later.
 */
const QUICK_LOOK = 0.4;
/**
 * A read aimed at a progress estimate comes this fraction of `interval` after it (250 ms with the default 5 s), so
 * that a deploy due at the estimate has turned ready by then; an estimate that is early costs a whole interval.
 * No more: coarse figures (whole percent, whole instances) make estimates late already.
 */
const AIM_MARGIN = 0.05;
/**
 * The delay before the next read, without jitter. The plain schedule: a quick look, then the backoff on the
 * time polled. With an estimate, reads are spaced to land just past it instead: as few reads as fit between
 * `interval` and `max-interval`, and never ahead of the plain schedule's count of reads.
 */
function planDelay(state, settings) {
    const plainMs = plainDelay(state.reads, state.polledMs, settings);
    if (state.remainingMs === undefined || state.reads < 2)
        return { delayMs: plainMs, aimed: false };
    const targetMs = state.remainingMs + AIM_MARGIN * settings.intervalMs;
    const evenlyMs = targetMs / Math.ceil(targetMs / settings.maxIntervalMs);
    const notAheadMs = state.plainNextAtMs - state.polledMs;
    const delayMs = Math.min(settings.maxIntervalMs, Math.max(settings.intervalMs, evenlyMs, notAheadMs));
    return { delayMs, aimed: true };
}
/** The plain delay after `reads` reads and `polledMs` of polling: the quick look after the first, then the backoff. */
function plainDelay(reads, polledMs, settings) {
    if (reads === 1)
        return QUICK_LOOK * settings.intervalMs;
    return nextDelay(polledMs, settings);
}
/**
 * One target's read schedule: counts its reads, the time polled (requests that failed do not count, so a
 * read that hung until `request-timeout` is followed after the delay its number calls for, not a grown one),
 * and where the plain schedule would be.
 */
class ReadSchedule {
    settings;
    reads = 0;
    firstReadAtMs;
    failedMs = 0;
    plainNextAtMs = 0;
    constructor(settings) {
        this.settings = settings;
    }
    readStarted(nowMs) {
        this.firstReadAtMs ??= nowMs;
        this.reads++;
        this.plainNextAtMs += plainDelay(this.reads, this.plainNextAtMs, this.settings);
    }
    readFailed(tookMs) {
        this.failedMs += tookMs;
    }
    next(nowMs, remainingMs) {
        const polledMs = nowMs - (this.firstReadAtMs ?? nowMs) - this.failedMs;
        return planDelay({ reads: this.reads, polledMs, plainNextAtMs: this.plainNextAtMs, remainingMs }, this.settings);
    }
}

;// CONCATENATED MODULE: ./src/engine/retry.ts






/**
 * Runs one step of the run as a whole (finding the targets, reading what the run found out) on the read
 * schedule — a quick look, then the backoff, the time of failed requests not counted: a transient failure is
 * retried until the deadline. Throws OutOfTime when no time is left,
 * RunStopped when the run stops, and any other failure as it is. `lastError` keeps the last transient one.
 */
async function retryTransient(run, what, step, noted = {}) {
    const schedule = new ReadSchedule(run.settings);
    let plan = planCall(run.deadline, run.clock.now(), 0);
    while (plan) {
        await run.sleepUntil(plan.atMs);
        const startedAtMs = run.clock.now();
        schedule.readStarted(startedAtMs);
        try {
            return await run.timed((options) => step({ ...options, call: (request) => run.call(request) }));
        }
        catch (error) {
            if (!(error instanceof http_errors/* HttpError */.j && error.transient) || plan.last)
                throw error;
            noted.lastError = error;
            const now = run.clock.now();
            schedule.readFailed(now - startedAtMs);
            const jittered = Math.min(withJitter(schedule.next(now, undefined).delayMs, run.random), run.settings.maxIntervalMs);
            const delayMs = Math.max(jittered, error.retryAfterMs ?? 0);
            plan = planCall(run.deadline, now, delayMs);
            run.log.warning(`${what}: ${error.message} — retrying in ${(0,values/* formatDuration */.a3)(delayMs)}`);
        }
    }
    throw new OutOfTime('no time left');
}

;// CONCATENATED MODULE: ./src/engine/find-targets.ts





/** Finding the targets ended the run before any target could be followed. */
class TargetsNotFound extends Error {
    verdict;
    name = 'TargetsNotFound';
    constructor(verdict, message) {
        super(message);
        this.verdict = verdict;
    }
}
/**
 * Asks the provider once which targets there are; a transient failure is retried on the read
 * schedule until the deadline. Throws TargetsNotFound with the run's verdict otherwise.
 */
async function findTargets(run, find) {
    const noted = {};
    try {
        return await retryTransient(run, 'finding the targets', find, noted);
    }
    catch (error) {
        if (error instanceof RunStopped)
            throw new TargetsNotFound('cancelled', 'cancelled while finding the targets');
        if (error instanceof OutOfTime) {
            const last = noted.lastError ? `; last error: ${(0,errors/* messageOf */.b)(noted.lastError)}` : '';
            throw new TargetsNotFound('timed_out', `timed out after ${(0,values/* formatDuration */.a3)(run.settings.timeoutMs)} while finding the targets${last}`);
        }
        throw new TargetsNotFound('error', `finding the targets failed: ${(0,errors/* messageOf */.b)(error)}`);
    }
}
/** The result of a run that ended while its targets were being found. */
function unfoundResult(error, startedAt, durationMs) {
    return {
        verdict: error.verdict,
        ready: false,
        message: error.message,
        targets: [],
        attempts: 0,
        transientErrors: 0,
        startedAt,
        durationMs,
    };
}

// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __webpack_require__(6559);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/time-left.ts
var time_left = __webpack_require__(5195);
;// CONCATENATED MODULE: ./src/report/log.ts
/**
 * The job log's text, as plain lines any edge can print: the heartbeat while waiting, one block of
 * details per target at the end, and one annotation per target that is not ready. Pure.
 */




/** More targets than this are counted by state instead of named one by one. */
const MAX_NAMED_TARGETS = 5;
/** `still waiting after 2m: Order_Sync in_progress (DEPLOYING) 40%, Billing_Sync pending · 14 status reads · about 1 min left` */
function heartbeatLine(progress) {
    const { targets } = progress;
    const states = targets.length <= MAX_NAMED_TARGETS
        ? targets.map((target) => `${target.id} ${liveState(target)}`).join(', ')
        : `${targets.length} targets: ${countByState(targets)}`;
    const parts = [`still waiting after ${(0,values/* formatDuration */.a3)(progress.elapsedMs)}: ${states}`];
    parts.push((0,format/* plural */.LS)(progress.reads, 'status read'));
    const left = (0,time_left/* timeLeft */.f)(progress.estimateMs);
    if (left)
        parts.push(left);
    return parts.join(' · ');
}
function liveState(target) {
    if (target.state === undefined)
        return 'not read yet';
    const word = target.providerStatus ? ` (${target.providerStatus})` : '';
    const percent = target.progress === undefined ? '' : ` ${Math.round(target.progress)}%`;
    return `${target.state}${word}${percent}`;
}
function countByState(targets) {
    const counts = new Map();
    for (const target of targets) {
        const state = target.state ?? 'not read yet';
        counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}
const MAX_GROUP_COMPONENTS = 50;
const MAX_GROUP_LOG_LINES = 50;
/** `Order_Sync: failed (ERROR) · 6 status reads · 42s`, then the message, components and provider log lines. */
function targetLogGroup(target) {
    const word = target.providerStatus ? ` (${target.providerStatus})` : '';
    const title = `${target.id}: ${target.verdict}${word} · ${(0,format/* plural */.LS)(target.attempts, 'status read')} · ${(0,values/* formatDuration */.a3)(target.durationMs)}`;
    const snapshot = target.snapshot;
    const facts = [
        target.taskId ? `task ${target.taskId}` : '',
        snapshot?.startedAt ? `started ${snapshot.startedAt}` : '',
        snapshot?.completedAt ? `completed ${snapshot.completedAt}` : '',
        target.transientErrors > 0 ? `${(0,format/* plural */.LS)(target.transientErrors, 'transient error')} retried` : '',
    ].filter(Boolean);
    const components = snapshot?.components ?? [];
    const logs = snapshot?.logs ?? [];
    const lines = [
        target.message,
        facts.join(' · '),
        ...components.slice(0, MAX_GROUP_COMPONENTS).map(componentLine),
        components.length > MAX_GROUP_COMPONENTS ? `… ${components.length - MAX_GROUP_COMPONENTS} more components` : '',
        logs.length > MAX_GROUP_LOG_LINES ? `… ${logs.length - MAX_GROUP_LOG_LINES} earlier log lines` : '',
        ...logs.slice(-MAX_GROUP_LOG_LINES).map(logLineText),
    ];
    return { title, lines: lines.filter(Boolean) };
}
function componentLine(component) {
    const word = component.providerStatus ? ` (${component.providerStatus})` : '';
    const replicas = component.desired === undefined && component.actual === undefined
        ? ''
        : ` ${component.actual ?? '?'}/${component.desired ?? '?'}`;
    const note = componentNote(component);
    return `${component.kind} ${component.name}: ${component.state}${word}${replicas}${note ? ` — ${note}` : ''}`;
}
/** The message, then the extra facts (`version: 1.0.3; deployed by: ci`), in the provider's order. */
function componentNote(component) {
    const facts = Object.entries(component.details ?? {}).map(([name, value]) => `${name}: ${value}`);
    return [component.message ?? '', ...facts].filter(Boolean).join('; ');
}
function logLineText(line) {
    return [line.time, line.level?.toUpperCase(), line.message].filter(Boolean).join(' ');
}
const MAX_ANNOTATED_DETAILS = 10;
/** GitHub shows 10 error annotations per step; the step's own failure line is one of them. */
const MAX_TARGET_ANNOTATIONS = 9;
const MAX_IDS_IN_REST = 30;
/**
 * One per target that is not ready, in the targets' order: the run page lists each by name. Beyond
 * what GitHub shows, the last one names the rest.
 */
function notReadyAnnotations(result, allowDegraded) {
    const notReady = result.targets.filter((target) => !(0,engine_verdict/* isReady */.i_)(target.verdict, allowDegraded));
    const each = (target) => ({
        title: `${target.id}: ${target.verdict}`,
        message: target.message || `${target.id} is ${target.verdict}`,
        details: errorDetails(target).slice(-MAX_ANNOTATED_DETAILS).map(logLineText),
    });
    if (notReady.length <= MAX_TARGET_ANNOTATIONS)
        return notReady.map(each);
    const shown = notReady.slice(0, MAX_TARGET_ANNOTATIONS - 1);
    const rest = notReady.slice(shown.length);
    const named = rest.slice(0, MAX_IDS_IN_REST).map((target) => `${target.id} (${target.verdict})`);
    const more = rest.length > named.length ? `, … ${rest.length - named.length} more` : '';
    return [
        ...shown.map(each),
        { title: `${rest.length} more targets not ready`, message: `${named.join(', ')}${more}`, details: [] },
    ];
}
/** The provider's own words about what went wrong: its log lines at error level, else all of a failed target's. */
function errorDetails(target) {
    const logs = target.snapshot?.logs ?? [];
    const errors = logs.filter((line) => /^(error|fatal|severe|critical|fail)/i.test(line.level ?? ''));
    if (errors.length > 0)
        return errors;
    return target.verdict === 'failed' || target.verdict === 'error' ? logs : [];
}

;// CONCATENATED MODULE: ./src/engine/heartbeat.ts

/** Below GitHub's "silent for a minute" so the line arrives in time even with a slow log. */
const HEARTBEAT_MS = 55_000;
/**
 * While no target changes, one line for the run every `everyMs`: the log is never silent for long
 * while a deploy takes its time. Runs on the run's clock; `stop` ends it.
 */
function startHeartbeat(run, watches, everyMs = HEARTBEAT_MS) {
    const stopper = new AbortController();
    const signal = AbortSignal.any([run.signal, stopper.signal]);
    const beat = async () => {
        let lastBeatMs = 0;
        while (!signal.aborted) {
            const live = watches.map((watch) => watch.live());
            const dueMs = Math.max(lastBeatMs, ...live.map((target) => target.changedAtMs)) + everyMs;
            const nowMs = run.elapsedMs();
            if (nowMs < dueMs) {
                await run.clock.sleep(dueMs - nowMs, signal);
                continue;
            }
            const estimates = live.flatMap((target) => (target.estimateMs === undefined ? [] : [target.estimateMs]));
            run.log.info(heartbeatLine({
                elapsedMs: nowMs,
                reads: live.reduce((sum, target) => sum + target.reads, 0),
                targets: live,
                estimateMs: estimates.length > 0 ? Math.max(...estimates) : undefined,
            }));
            lastBeatMs = nowMs;
        }
    };
    beat().catch(() => { });
    return { stop: () => stopper.abort() };
}

;// CONCATENATED MODULE: ./src/engine/result.ts

/** The run's verdict is its worst target's; the first target with that verdict speaks for the run. */
function summarizeRun(targets, allowDegraded, startedAt, durationMs) {
    const verdict = (0,engine_verdict/* worstVerdict */.zP)(targets.map((target) => target.verdict));
    const deciding = targets.find((target) => target.verdict === verdict);
    const message = !deciding
        ? 'no target to wait for'
        : targets.length > 1
            ? `${deciding.id}: ${deciding.message}`
            : deciding.message;
    return {
        verdict,
        ready: targets.length > 0 && targets.every((target) => (0,engine_verdict/* isReady */.i_)(target.verdict, allowDegraded)),
        decidingTarget: deciding?.id,
        message,
        targets,
        attempts: sum(targets.map((target) => target.attempts)),
        transientErrors: sum(targets.map((target) => target.transientErrors)),
        startedAt,
        durationMs,
    };
}
function sum(values) {
    return values.reduce((total, value) => total + value, 0);
}

;// CONCATENATED MODULE: ./src/engine/stages.ts



/** The stages to follow: the provider's deploy order with `deploy: true`, otherwise every target at once. */
function stagesOf(found, deploy) {
    const stages = deploy ? (found.stages ?? []).filter((stage) => stage.targets.length > 0) : [];
    return stages.length > 1 ? stages : [{ name: 'all targets', targets: found.targets }];
}
/**
 * Follows the stages one after the other: every target of a stage is triggered at once (within the run's
 * bound on requests), and the next stage starts only when each has its verdict. A dependency that fails or
 * is refused does not stop the stages after it; in the last stage an `error` ends the run as usual.
 */
async function followStages(run, stages, watches) {
    const results = [];
    for (const [index, stage] of stages.entries()) {
        run.keepGoingOnError = index < stages.length - 1;
        if (stages.length > 1)
            run.log.info(`deploy stage ${index + 1} of ${stages.length}: ${stage.name} (${stage.targets.join(', ')})`);
        results.push(...(await Promise.all(stage.targets.map((id) => watchOf(watches, id).follow()))));
    }
    run.keepGoingOnError = false;
    return results;
}
function watchOf(watches, id) {
    const watch = watches.get(id);
    if (!watch)
        throw new Error(`deploy stage names '${id}', which is not among the targets found`);
    return watch;
}
/** A target whose verdict the provider decided while finding the targets. */
function decidedResult(run, decided) {
    const atMs = run.elapsedMs();
    run.log.info(`${decided.id}: ${decided.verdict} — ${decided.message}`);
    return {
        id: decided.id,
        verdict: decided.verdict,
        providerStatus: '',
        message: decided.message,
        attempts: 0,
        transientErrors: 0,
        durationMs: atMs,
        timeline: [{ atMs, state: decided.verdict, providerStatus: '' }],
    };
}
/** What the provider can tell once the verdicts are in; nothing (with a warning, or a note when out of time) when it cannot be read. */
async function readFindings(run, session, results) {
    const after = session.afterTargets?.bind(session);
    if (!after || run.signal.aborted)
        return {};
    try {
        return await retryTransient(run, 'reading what the run found out', (options) => after(results, options));
    }
    catch (error) {
        // A deadline that passed is the verdict's own story (timed_out, or verdicts that came just in time), not a warning.
        if (error instanceof OutOfTime)
            run.log.info('no time left to read what the run found out (the verdicts stand)');
        else
            run.log.warning(`could not read what the run found out (the verdicts stand): ${(0,errors/* messageOf */.b)(error)}`);
        return {};
    }
}

;// CONCATENATED MODULE: ./src/engine/bounded.ts
/**
 * A provider's answer bounded before anything holds on to it: a 3 MB `state` must not become a 3 MB
 * output, or megabytes of log on every read. Cut text ends in "…", which the redaction knows about.
 */

const MAX_PROVIDER_STATUS = 200;
const MAX_MESSAGE = 1_000;
const MAX_FIELD = 500;
const MAX_LOG_LINE = 2_000;
const MAX_ITEMS = 500;
function boundedSnapshot(snapshot) {
    const bounded = {
        ...snapshot,
        providerStatus: bounded_text(snapshot.providerStatus, MAX_PROVIDER_STATUS),
        message: bounded_text(snapshot.message, MAX_MESSAGE),
    };
    if (snapshot.components)
        bounded.components = snapshot.components.slice(0, MAX_ITEMS).map(boundedComponent);
    if (snapshot.logs)
        bounded.logs = snapshot.logs.slice(-MAX_ITEMS).map(boundedLogLine);
    if (snapshot.startedAt !== undefined)
        bounded.startedAt = bounded_text(snapshot.startedAt, MAX_FIELD);
    if (snapshot.completedAt !== undefined)
        bounded.completedAt = bounded_text(snapshot.completedAt, MAX_FIELD);
    return bounded;
}
function boundedComponent(component) {
    const bounded = {
        ...component,
        name: bounded_text(component.name, MAX_FIELD),
        kind: bounded_text(component.kind, MAX_FIELD),
    };
    if (component.providerStatus !== undefined)
        bounded.providerStatus = bounded_text(component.providerStatus, MAX_PROVIDER_STATUS);
    if (component.message !== undefined)
        bounded.message = bounded_text(component.message, MAX_MESSAGE);
    if (component.details) {
        bounded.details = Object.fromEntries(Object.entries(component.details)
            .slice(0, MAX_ITEMS)
            .map(([name, value]) => [bounded_text(name, MAX_FIELD), bounded_text(value, MAX_FIELD)]));
    }
    return bounded;
}
function boundedLogLine(line) {
    const bounded = { ...line, message: bounded_text(line.message, MAX_LOG_LINE) };
    if (line.time !== undefined)
        bounded.time = bounded_text(line.time, MAX_FIELD);
    if (line.level !== undefined)
        bounded.level = bounded_text(line.level, MAX_FIELD);
    return bounded;
}
/** Also without invisible format characters: every report and log line shows these strings. */
function bounded_text(value, max) {
    const visible = (0,core_text/* withoutFormatCharacters */.K)(value);
    return visible.length <= max ? visible : `${visible.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/engine/describe.ts

/** `in_progress (PROVISIONING) 40% — message`: one log line's worth of a snapshot. */
function describeSnapshot(snapshot) {
    const word = snapshot.providerStatus ? ` (${snapshot.providerStatus})` : '';
    const progress = snapshot.progress === undefined ? '' : ` ${Math.round(snapshot.progress)}%`;
    const message = snapshot.message ? ` — ${snapshot.message}` : '';
    return `${snapshot.state}${word}${progress}${message}`;
}
/** `PROVISIONING — message`: what was last seen, for the message of a target that did not end by itself. */
function lastSeen(snapshot) {
    return [snapshot.providerStatus || snapshot.state, snapshot.message].filter(Boolean).join(' — ');
}
/**
 * What a person reads when reading an answer failed in a way no provider check foresaw: a value nested
 * so deep that walking it overflowed the stack says "unreadable answer", never the engine's own words.
 */
function readableFailure(error) {
    if (!(error instanceof RangeError))
        return (0,errors/* messageOf */.b)(error);
    return `unreadable answer: ${error.message.includes('call stack') ? 'nested too deeply to read' : error.message}`;
}

;// CONCATENATED MODULE: ./src/engine/estimate.ts
/**
 * When a target that reports progress (0–100) should be done, from the progress seen so far: the average
 * rate since the first figure of the current rise, carried on from the last rise to 100%. Progress that goes
 * backwards starts the estimate over (a retried phase); progress that stalls keeps the last estimate until
 * its time has passed, after which there is none: a stuck deploy is no reason to read more often.
 */
class ProgressEstimate {
    first;
    last;
    observe(atMs, progress) {
        if (progress === undefined || !Number.isFinite(progress))
            return;
        const point = { atMs, progress: Math.min(100, Math.max(0, progress)) };
        if (!this.first || !this.last || point.progress < this.last.progress) {
            this.first = point;
            this.last = point;
        }
        else if (point.progress > this.last.progress) {
            this.last = point;
        }
    }
    /** the expected completion time, when the progress seen so far gives one */
    doneAtMs() {
        const { first, last } = this;
        if (!first || !last || last.progress >= 100 || last.atMs <= first.atMs)
            return undefined;
        const ratePerMs = (last.progress - first.progress) / (last.atMs - first.atMs);
        return last.atMs + (100 - last.progress) / ratePerMs;
    }
    /** how long until the expected completion, seen from `nowMs`; none once that time has passed */
    remainingMs(nowMs) {
        const doneAtMs = this.doneAtMs();
        return doneAtMs === undefined || doneAtMs <= nowMs ? undefined : doneAtMs - nowMs;
    }
}

;// CONCATENATED MODULE: ./src/engine/stall.ts
/**
 * What counts as a change for `stall-timeout`: everything a read says about the deploy (state, provider word,
 * message, progress, each component's state, word, counts and message), so a deploy that still moves in any
 * of them is not called stalled.
 */
function snapshotFingerprint(snapshot) {
    const components = (snapshot.components ?? []).map((component) => [
        component.name,
        component.state,
        component.providerStatus ?? null,
        component.desired ?? null,
        component.actual ?? null,
        component.message ?? null,
    ]);
    return JSON.stringify([
        snapshot.state,
        snapshot.providerStatus,
        snapshot.message,
        snapshot.progress ?? null,
        components,
    ]);
}
/** Remembers when a target's status last changed; `stallTimeoutMs` 0 never stalls. */
class StallWatch {
    stallTimeoutMs;
    fingerprint;
    changedAtMs = 0;
    constructor(stallTimeoutMs) {
        this.stallTimeoutMs = stallTimeoutMs;
    }
    /** true when this snapshot is the same as the ones seen for at least `stallTimeoutMs` */
    stalled(snapshot, nowMs) {
        const fingerprint = snapshotFingerprint(snapshot);
        if (fingerprint !== this.fingerprint) {
            this.fingerprint = fingerprint;
            this.changedAtMs = nowMs;
            return false;
        }
        return this.stallTimeoutMs > 0 && nowMs - this.changedAtMs >= this.stallTimeoutMs;
    }
}

;// CONCATENATED MODULE: ./src/engine/target.ts












/** Follows one target from its trigger to its verdict. `follow` never rejects: every way to end is a result. */
class TargetWatch {
    id;
    run;
    deploy;
    snapshot;
    taskId;
    skipped = false;
    attempts = 0;
    transientErrors = 0;
    lastError;
    schedule;
    estimate = new ProgressEstimate();
    ended = false;
    timeline = [];
    unknownWordsWarned = new Set();
    stall;
    constructor(id, run, deploy) {
        this.id = id;
        this.run = run;
        this.deploy = deploy;
        this.stall = new StallWatch(run.settings.stallTimeoutMs);
        this.schedule = new ReadSchedule(run.settings);
    }
    /**
     * How long until this target should be done, from the progress it reported, as of now; none when it
     * reports no progress, has not moved yet, is past its estimate, or has ended.
     */
    estimatedRemainingMs() {
        return this.ended ? undefined : this.estimate.remainingMs(this.run.clock.now());
    }
    /** What the heartbeat shows of this target now. */
    live() {
        const last = this.timeline.at(-1);
        return {
            id: this.id,
            state: last?.state ?? this.snapshot?.state,
            providerStatus: this.snapshot?.providerStatus ?? '',
            progress: this.snapshot?.progress,
            reads: this.attempts,
            changedAtMs: last?.atMs ?? 0,
            estimateMs: this.estimatedRemainingMs(),
        };
    }
    async follow() {
        try {
            if (this.deploy) {
                const ended = await this.trigger();
                if (ended)
                    return ended;
            }
            return await this.poll();
        }
        catch (error) {
            if (error instanceof RunStopped)
                return this.stoppedBy(error);
            if (error instanceof OutOfTime)
                return this.timedOut();
            return this.failedWithError(readableFailure(error));
        }
    }
    /** Starts the deploy. Returns a result only when the target ends here. */
    async trigger() {
        const { session, deadline, clock } = this.run;
        if (!session.trigger)
            return this.failedWithError('deploy requested, but this provider cannot start a deploy');
        const trigger = session.trigger.bind(session);
        const repeatableAfter = (error) => session.canRepeatTrigger?.(error) === true;
        let plan = planCall(deadline, clock.now(), 0);
        while (plan) {
            await this.run.sleepUntil(plan.atMs);
            try {
                const started = await this.run.call((options) => trigger(this.id, options));
                this.taskId = started.taskId;
                this.skipped = started.skipped === true;
                this.run.log.info(started.message);
                return undefined;
            }
            catch (error) {
                if (!isTransient(error))
                    return this.deployFailed(error);
                const repeatable = repeatableAfter(error);
                if (!repeatable && error.retryAfterMs === undefined)
                    return this.deployFailed(error);
                const retry = repeatable
                    ? this.planNextRead(plan, error.retryAfterMs ?? 0)
                    : plan.last
                        ? undefined
                        : planCall(deadline, clock.now(), error.retryAfterMs ?? 0);
                plan = this.noteTransient(error, retry, 'deploy request');
            }
        }
        return this.timedOut();
    }
    async poll() {
        let plan = planCall(this.run.deadline, this.run.clock.now(), 0);
        while (plan) {
            await this.run.sleepUntil(plan.atMs);
            const startedAtMs = this.run.clock.now();
            this.schedule.readStarted(startedAtMs);
            let snapshot;
            try {
                snapshot = await this.run.call((options) => {
                    this.attempts++;
                    return this.run.session.read(this.id, options);
                });
            }
            catch (error) {
                if (!isTransient(error))
                    throw error;
                this.schedule.readFailed(this.run.clock.now() - startedAtMs);
                plan = this.noteTransient(error, this.planNextRead(plan, error.retryAfterMs ?? 0), 'status read');
                continue;
            }
            const ended = this.observe(boundedSnapshot(snapshot));
            if (ended)
                return ended;
            plan = this.planNextRead(plan, 0);
        }
        return this.timedOut();
    }
    /**
     * The next step of the schedule, at least `minimumMs` away, clipped to the deadline. Plain delays are
     * jittered; a read aimed at the progress estimate is not: each target's own progress already spreads those.
     */
    planNextRead(previous, minimumMs) {
        if (previous.last)
            return undefined;
        const now = this.run.clock.now();
        const planned = this.schedule.next(now, this.estimatedRemainingMs());
        // Jitter spreads reads but never pushes one past the cap: `max-interval` is a promise to the user.
        const delayMs = planned.aimed
            ? planned.delayMs
            : Math.min(withJitter(planned.delayMs, this.run.random), this.run.settings.maxIntervalMs);
        return planCall(this.run.deadline, now, Math.max(delayMs, minimumMs));
    }
    noteTransient(error, retry, what) {
        this.transientErrors++;
        this.lastError = error;
        const next = retry ? `retrying in ${(0,values/* formatDuration */.a3)(retry.atMs - this.run.clock.now())}` : 'no time left to retry';
        this.run.log.warning(`${this.id}: ${what}: ${error.message} — ${next}`);
        return retry;
    }
    /** Records and logs one read; returns the result when this read ends the wait. */
    observe(snapshot) {
        const previous = this.snapshot;
        this.snapshot = snapshot;
        this.estimate.observe(this.run.clock.now(), snapshot.progress);
        const line = `${this.id}: ${describeSnapshot(snapshot)}`;
        const { settings } = this.run;
        const ends = (0,engine_verdict/* endsWait */.Gr)(snapshot, settings.allowDegraded);
        if (previous?.state !== snapshot.state || previous.providerStatus !== snapshot.providerStatus) {
            this.mark(snapshot.state);
            this.run.log.info(line);
        }
        else if ((ends && previous.message !== snapshot.message) ||
            (previous.detailsPending && !snapshot.detailsPending)) {
            // The last word often says more than the change did (SAP's error details arrive a read later), and
            // "waiting for error details" must not be the last visible word on a failure.
            this.run.log.info(line);
        }
        else {
            this.run.log.debug(line);
        }
        this.warnIfUnknown(snapshot);
        if (ends)
            return this.result(snapshot.state, snapshot.message);
        if (snapshot.state === 'not_found')
            return this.discoveryOver() ? this.notFound(settings.discoveryTimeoutMs) : undefined;
        if (this.stall.stalled(snapshot, this.run.clock.now())) {
            const message = `stalled: no change for ${(0,values/* formatDuration */.a3)(settings.stallTimeoutMs)} (last: ${lastSeen(snapshot)})`;
            return this.endedHere('failed', message);
        }
        return undefined;
    }
    /** After a trigger the target may take the whole timeout to appear; otherwise only `discovery-timeout`. */
    discoveryOver() {
        return !this.deploy && this.run.elapsedMs() >= this.run.settings.discoveryTimeoutMs;
    }
    warnIfUnknown(snapshot) {
        if (snapshot.state !== 'unknown' || this.unknownWordsWarned.has(snapshot.providerStatus))
            return;
        this.unknownWordsWarned.add(snapshot.providerStatus);
        this.run.log.warning(`${this.id}: unrecognized provider status '${snapshot.providerStatus}' — still waiting; never counted as success`);
    }
    notFound(withinMs) {
        const message = this.snapshot?.message ?? '';
        const result = this.result('not_found', withinMs > 0 ? `not found within ${(0,values/* formatDuration */.a3)(withinMs)}: ${message}` : message);
        this.run.log.info(`${this.id}: not_found — ${result.message}`);
        return result;
    }
    timedOut() {
        const { timeoutMs } = this.run.settings;
        if (this.snapshot?.detailsPending)
            return this.result(this.snapshot.state, this.snapshot.message);
        if (this.snapshot?.state === 'not_found')
            return this.notFound(timeoutMs);
        const seen = this.snapshot
            ? `: ${lastSeen(this.snapshot)}`
            : this.lastError
                ? `; last error: ${this.lastError.message}`
                : ' before any status was read';
        return this.endedHere('timed_out', `timed out after ${(0,values/* formatDuration */.a3)(timeoutMs)}${seen}`);
    }
    stoppedBy(stop) {
        if (this.snapshot?.detailsPending)
            return this.result(this.snapshot.state, this.snapshot.message);
        if (stop.reason === 'cancelled') {
            const seen = this.snapshot ? `: ${lastSeen(this.snapshot)}` : ' before any status was read';
            return this.endedHere('cancelled', `cancelled after ${(0,values/* formatDuration */.a3)(this.run.elapsedMs())}${seen}`);
        }
        // Another target's error decides the run; this one keeps what was last seen of it.
        if (this.snapshot)
            return this.result(this.snapshot.state, this.snapshot.message);
        return this.endedHere('cancelled', `stopped before any status was read: ${stop.by} ended with an error`);
    }
    deployFailed(error) {
        if (error instanceof RunStopped || error instanceof OutOfTime)
            throw error;
        const message = `deploy request failed: ${readableFailure(error)}`;
        // No answer (or a gateway's) says nothing about whether the provider got the request.
        return this.failedWithError(isTransient(error)
            ? `${message} — it may or may not have started; check the provider before running again`
            : message);
    }
    /** `error` is the worst verdict: nothing the other targets could still show would change the run's. */
    failedWithError(message) {
        this.run.stopOnError(this.id);
        return this.endedHere('error', message);
    }
    /** A verdict the engine decided rather than the provider's last word: marked in the timeline and logged. */
    endedHere(verdict, message) {
        this.mark(verdict);
        this.run.log.info(`${this.id}: ${verdict} — ${message}`);
        return this.result(verdict, message);
    }
    mark(state) {
        this.timeline.push({ atMs: this.run.elapsedMs(), state, providerStatus: this.snapshot?.providerStatus ?? '' });
    }
    result(verdict, message) {
        const estimatedRemainingMs = UNDER_WAY.has(verdict) ? this.estimatedRemainingMs() : undefined;
        this.ended = true;
        return {
            id: this.id,
            verdict,
            providerStatus: this.snapshot?.providerStatus ?? '',
            message,
            snapshot: this.snapshot,
            taskId: this.taskId,
            ...(this.skipped ? { skipped: true } : {}),
            attempts: this.attempts,
            transientErrors: this.transientErrors,
            durationMs: this.run.elapsedMs(),
            timeline: this.timeline,
            ...(estimatedRemainingMs === undefined ? {} : { estimatedRemainingMs }),
        };
    }
}
/** Verdicts of a target whose deploy had not finished when the wait ended: its estimate is still news. */
const UNDER_WAY = new Set(['timed_out', 'cancelled', 'pending', 'in_progress']);
function isTransient(error) {
    return error instanceof http_errors/* HttpError */.j && error.transient;
}

;// CONCATENATED MODULE: ./src/engine/wait.ts






/** Enough parallelism for a handful of targets without hammering one provider (input `max-parallel`). */
const DEFAULT_MAX_IN_FLIGHT = 8;
/**
 * Finds the targets (when the provider must ask), triggers them (when asked) stage by stage, and follows each
 * until it has a verdict, the deadline passes, the run is cancelled, or one target ends with `error`. Never
 * rejects for provider problems: they become the result.
 */
async function waitForTargets(options) {
    const startedAt = new Date(options.clock.now());
    const run = new Run({ ...options, maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT });
    try {
        const { session } = options;
        const find = session.findTargets?.bind(session);
        const found = find ? await findTargets(run, find) : { targets: options.targets };
        const decided = (found.decided ?? []).map((target) => decidedResult(run, target));
        const stages = stagesOf(found, options.deploy);
        const watches = new Map(found.targets.map((id) => [id, new TargetWatch(id, run, options.deploy)]));
        const heartbeat = startHeartbeat(run, [...watches.values()]);
        const followed = await followStages(run, stages, watches).finally(() => heartbeat.stop());
        const targets = [...decided, ...inOrder(followed, found.targets)];
        const findings = await readFindings(run, session, targets);
        return {
            ...summarizeRun(targets, options.settings.allowDegraded, startedAt, run.elapsedMs()),
            ...findings,
            ...(stages.length > 1 ? { deployOrder: stages } : {}),
        };
    }
    catch (error) {
        if (error instanceof TargetsNotFound)
            return unfoundResult(error, startedAt, run.elapsedMs());
        throw error;
    }
    finally {
        run.close();
    }
}
/** Results in the order the targets were found, whatever order the stages ran in. */
function inOrder(results, ids) {
    const position = new Map(ids.map((id, index) => [id, index]));
    return [...results].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/http/tls.ts




const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/**
 * The certificates of a `ca-certificate` value (one or more PEM blocks). Throws InputError when there is
 * none or one cannot be read, so a bad value stops the step before the first request.
 */
function validateCaCertificate(pem) {
    // Secrets stored on one line often carry the newlines as literal `\n`.
    const text = pem.replace(/\\n/g, '\n').replace(/\r\n?/g, '\n');
    const blocks = text.match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0) {
        throw new errors/* InputError */.d(inputs/* INPUT */.bO.caCertificate, `Input '${inputs/* INPUT */.bO.caCertificate}' holds no PEM certificate: expected one or more blocks from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----".`);
    }
    blocks.forEach((block, index) => {
        try {
            new external_node_crypto_.X509Certificate(block);
        }
        catch {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.caCertificate, `Input '${inputs/* INPUT */.bO.caCertificate}': certificate ${index + 1} of ${blocks.length} is not a readable PEM certificate (check that it was copied whole).`);
        }
    });
    return blocks;
}
/**
 * The CA list for TLS connections: Node's defaults (bundled roots, NODE_EXTRA_CA_CERTS, and the system
 * store when enabled) plus the user's CA, because an explicit CA list replaces the defaults.
 */
function trustedCertificates(pem) {
    return [...(0,external_node_tls_.getCACertificates)('default'), ...validateCaCertificate(pem)];
}

;// CONCATENATED MODULE: ./src/http/dispatcher.ts


/**
 * The one connection pool of a client. Proxy values come from the caller only: undici would read the
 * environment for each missing one, so empty strings stand for "not set". A client certificate is presented
 * to its own origin only: requests there go through a pool of their own, every other origin never sees it.
 */
function createDispatcher(proxy = {}, caCertificate, clientCertificate) {
    const ca = caCertificate ? trustedCertificates(caCertificate) : undefined;
    const tls = ca ? { ca } : undefined;
    const main = poolOf(proxy, tls);
    if (!clientCertificate)
        return main;
    const { origin, certificate, key } = clientCertificate;
    return new OriginRouter(main, origin, poolOf(proxy, { ...tls, cert: certificate, key }));
}
function poolOf(proxy, tls) {
    if (!proxy.httpProxy && !proxy.httpsProxy)
        return new undici.Agent({ connect: tls });
    const options = {
        httpProxy: proxy.httpProxy ?? '',
        httpsProxy: proxy.httpsProxy ?? '',
        noProxy: proxy.noProxy ?? '',
        // `connect` serves direct connections; through a proxy the target's TLS is `requestTls`.
        connect: tls,
        requestTls: tls,
        // The client certificate is for the target, never for the proxy.
        proxyTls: tls?.ca ? { ca: tls.ca } : undefined,
    };
    return withoutExperimentalWarning(() => new undici.EnvHttpProxyAgent(options));
}
/**
 * undici announces once per process that EnvHttpProxyAgent is experimental: news for us (its version
 * is pinned and tested), noise in a user's job log. Only that one warning is held back, only while
 * the agent is made.
 */
function withoutExperimentalWarning(create) {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const options = rest[0];
        if (typeof options === 'object' && options !== null && 'code' in options && options.code === 'UNDICI-EHPA')
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        return create();
    }
    finally {
        process.emitWarning = emitWarning;
    }
}
/** Sends requests for `origin` through `special`, all others through `main`. */
class OriginRouter extends undici.Dispatcher {
    main;
    origin;
    special;
    constructor(main, origin, special) {
        super();
        this.main = main;
        this.origin = origin;
        this.special = special;
    }
    dispatch(options, handler) {
        const target = new URL(String(options.origin ?? '')).origin === this.origin ? this.special : this.main;
        return target.dispatch(options, handler);
    }
    close(callback) {
        const closed = Promise.all([this.main.close(), this.special.close()]).then(() => undefined);
        if (!callback)
            return closed;
        void closed.then(callback);
    }
    destroy(first, second) {
        const error = typeof first === 'function' ? null : (first ?? null);
        const callback = typeof first === 'function' ? first : second;
        const destroyed = Promise.all([this.main.destroy(error), this.special.destroy(error)]).then(() => undefined);
        if (!callback)
            return destroyed;
        void destroyed.then(callback);
    }
}

// EXTERNAL MODULE: ./src/http/failure.ts
var failure = __webpack_require__(2398);
// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/http/link-local.ts


/**
 * Link-local and cloud metadata addresses (169.254.169.254 on AWS, GCP and Azure; fd00:ec2::254 on AWS
 * over IPv6): a provider's redirect there would make the runner read its own cloud credentials.
 */
const LINK_LOCAL = new external_node_net_.BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');
LINK_LOCAL.addAddress('fd00:ec2::254', 'ipv6');
/** Names that resolve to a metadata address on every cloud that has them. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog']);
/** True for a URL whose host is such an address, however written (`[::ffff:169.254.169.254]` too). */
function isLinkLocalHost(url) {
    const host = bareHost(url);
    if (METADATA_NAMES.has(host))
        return true;
    const family = (0,external_node_net_.isIP)(host);
    if (family === 4)
        return LINK_LOCAL.check(host, 'ipv4');
    if (family !== 6)
        return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host)?.[1] ?? ipv4OfMappedHex(host);
    return mapped ? LINK_LOCAL.check(mapped, 'ipv4') : LINK_LOCAL.check(host, 'ipv6');
}
/** `::ffff:a9fe:a9fe` (how URL writes a mapped IPv4 address) → `169.254.169.254`. */
function ipv4OfMappedHex(host) {
    const match = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/i.exec(host);
    if (!match)
        return undefined;
    const [high, low] = [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
const systemLookup = async (host) => (await (0,promises_.lookup)(host, { all: true })).map(({ address }) => address);
/**
 * For a redirect to a host name: whether the name resolves to such an address here. A name that does not
 * resolve here is let through (behind a proxy, the proxy resolves it); an address is judged as written.
 */
async function resolvesToLinkLocal(url, signal, lookup = systemLookup) {
    const host = bareHost(url);
    if ((0,external_node_net_.isIP)(host))
        return false;
    let addresses;
    let onAbort = () => { };
    try {
        // A slow resolver must not outlast the request's own time: the request then fails on its aborted signal.
        const aborted = new Promise((_, reject) => {
            onAbort = () => reject(signal.reason);
            signal.addEventListener('abort', onAbort, { once: true });
        });
        addresses = await Promise.race([lookup(host), aborted]);
    }
    catch {
        return false;
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
    return addresses.some((address) => isLinkLocalHost(new URL(`http://${(0,external_node_net_.isIP)(address) === 6 ? `[${address}]` : address}/`)));
}
function bareHost(url) {
    return url.hostname
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '')
        .toLowerCase();
}

;// CONCATENATED MODULE: ./src/http/redirect.ts



const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Only these keep method and body as they are; other methods follow no other redirect. */
const METHOD_KEEPING_STATUSES = new Set([307, 308]);
const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** Headers that carry credentials in some provider's API; never sent to an origin they were not meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie', 'proxy-authorization', 'x-csrf-token'];
/** The next URL when `status`/`location` is a redirect this method follows; undefined when the answer stands. */
function redirectTarget(method, status, location, from) {
    if (!REDIRECT_STATUSES.has(status) || !location)
        return undefined;
    if (!SAFE_METHODS.has(method) && !METHOD_KEEPING_STATUSES.has(status))
        return undefined;
    let target;
    try {
        target = new URL(location, from);
    }
    catch {
        throw refused(from, 'an unreadable Location');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw refused(from, `a non-HTTP URL (${target.protocol})`);
    }
    // A `url` there is the user's choice; a provider's redirect there is not.
    if (isLinkLocalHost(target))
        throw linkLocalRefused(from, target);
    return withoutUserinfo(target);
}
/** A redirect to another host whose name resolves to a link-local or metadata address is not followed either. */
async function assertNotResolvingToLinkLocal(from, target, signal, lookup) {
    if (target.hostname !== from.hostname && (await resolvesToLinkLocal(target, signal, lookup))) {
        throw linkLocalRefused(from, target);
    }
}
function linkLocalRefused(from, target) {
    return refused(from, `a link-local or cloud metadata address (${target.hostname})`);
}
function tooManyRedirects(from) {
    return new http_errors/* HttpError */.j(`request to ${(0,failure/* describeUrl */.Ng)(from)} redirected more than ${MAX_REDIRECTS} times`, {
        kind: 'permanent',
    });
}
/**
 * The headers for the next hop: all of them within one origin; to another origin, none that may carry
 * credentials — the known ones and every user-given extra header, whose meaning the action cannot know.
 */
function headersForHop(headers, from, to, extraHeaderNames) {
    if (from.origin === to.origin)
        return headers;
    const dropped = new Set([...CREDENTIAL_HEADERS, ...extraHeaderNames.map((name) => name.toLowerCase())]);
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
}
/** Userinfo is never sent (undici ignores it) and never shown. */
function withoutUserinfo(url) {
    if (!url.username && !url.password)
        return url;
    const copy = new URL(url);
    copy.username = '';
    copy.password = '';
    return copy;
}
function refused(from, what) {
    return new http_errors/* HttpError */.j(`request to ${(0,failure/* describeUrl */.Ng)(from)} was redirected to ${what}; not followed`, {
        kind: 'permanent',
    });
}

;// CONCATENATED MODULE: ./src/http/response.ts
/** Thrown by `readBodyUpTo` past the limit; the caller turns it into the user-facing error. */
class BodyTooLarge extends Error {
    name = 'BodyTooLarge';
}
/**
 * Reads a body as UTF-8 text (a BOM is dropped), keeping at most `maxBytes` in memory: past that it
 * destroys the stream, which closes the connection instead of downloading the rest.
 */
async function readBodyUpTo(body, maxBytes) {
    const decoder = new TextDecoder('utf-8');
    let received = 0;
    let text = '';
    for await (const chunk of body) {
        received += chunk.byteLength;
        if (received > maxBytes) {
            const error = new BodyTooLarge();
            body.destroy(error);
            throw error;
        }
        text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
}
function toHttpResponse(status, raw, body, url) {
    const headers = {};
    let setCookies = [];
    for (const [name, value] of Object.entries(raw)) {
        if (value === undefined)
            continue;
        const values = Array.isArray(value) ? value : [value];
        if (name === 'set-cookie')
            setCookies = values;
        else
            headers[name] = values.join(', ');
    }
    return {
        status,
        headers,
        setCookies,
        body,
        url: url.href,
        contentType: (headers['content-type']?.split(';')[0] ?? '').trim().toLowerCase(),
    };
}

;// CONCATENATED MODULE: ./src/http/client.ts
/**
 * The HTTP client every provider uses: one kept-alive connection pool, a time limit per request,
 * a bounded body, redirects followed without leaking credentials, and errors typed for the engine.
 */






const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_USER_AGENT = 'await-deploy/1';
/** Throws InputError for an unreadable `caCertificate`, so a bad value stops the step before any request. */
function createHttpClient(options = {}) {
    const dispatcher = createDispatcher(options.proxyEnv, options.caCertificate, options.clientCertificate);
    const extraHeaders = lowerCaseNames(options.extraHeaders ?? {});
    const settings = {
        dispatcher,
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
        extraHeaders,
        extraHeadersOrigin: options.extraHeadersOrigin,
        sign: options.sign,
    };
    return {
        request: (request) => perform(request, settings),
        close: () => dispatcher.close(),
    };
}
async function perform(request, settings) {
    const caller = request.signal;
    caller?.throwIfAborted();
    const progress = { url: startUrl(request.url), timedOut: false };
    const controller = new AbortController();
    const timer = setTimeout(() => {
        progress.timedOut = true;
        controller.abort();
    }, request.timeoutMs);
    const onCallerAbort = () => controller.abort(caller?.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    try {
        return await followRedirects(request, settings, controller.signal, progress);
    }
    catch (error) {
        // Frees the connection of an answer left unread on the way out.
        controller.abort();
        if (caller?.aborted)
            throw caller.reason;
        if (progress.timedOut)
            throw (0,failure/* timeoutError */.w2)(progress.url, request.timeoutMs);
        if (error instanceof http_errors/* HttpError */.j)
            throw error;
        throw (0,failure/* networkError */.x6)(progress.url, error);
    }
    finally {
        clearTimeout(timer);
        caller?.removeEventListener('abort', onCallerAbort);
    }
}
async function followRedirects(request, settings, signal, progress) {
    const method = request.method ?? 'GET';
    const { extraHeaders, extraHeadersOrigin } = settings;
    const extra = extraHeadersOrigin === undefined || progress.url.origin === extraHeadersOrigin ? extraHeaders : {};
    let headers = {
        'user-agent': settings.userAgent,
        ...extra,
        ...lowerCaseNames(request.headers ?? {}),
    };
    for (let redirects = 0;; redirects += 1) {
        const from = progress.url;
        // Signed per hop from the unsigned headers: a signature never travels to the next hop.
        const sent = settings.sign ? await settings.sign({ method, url: from, headers, body: request.body }) : headers;
        const answer = await (0,undici.request)(from, {
            dispatcher: settings.dispatcher,
            method,
            headers: sent,
            body: request.body,
            signal,
        });
        const next = redirectTarget(method, answer.statusCode, firstValue(answer.headers.location), from);
        if (!next)
            return toHttpResponse(answer.statusCode, answer.headers, await readBody(answer, settings, from), from);
        await answer.body.dump();
        if (redirects === MAX_REDIRECTS)
            throw tooManyRedirects(from);
        await assertNotResolvingToLinkLocal(from, next, signal);
        headers = headersForHop(headers, from, next, Object.keys(extraHeaders));
        progress.url = next;
    }
}
async function readBody(answer, settings, from) {
    try {
        return await readBodyUpTo(answer.body, settings.maxBodyBytes);
    }
    catch (error) {
        if (error instanceof BodyTooLarge)
            throw (0,failure/* bodyTooLargeError */.Ae)(from, answer.statusCode, settings.maxBodyBytes);
        throw error;
    }
}
function startUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new http_errors/* HttpError */.j('request URL is not an absolute URL', { kind: 'permanent' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new http_errors/* HttpError */.j(`'${url.protocol}' URLs are not supported: only http and https`, { kind: 'permanent' });
    }
    return withoutUserinfo(url);
}
function lowerCaseNames(headers) {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
function firstValue(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./src/edge/signals.ts
var edge_signals = __webpack_require__(440);
;// CONCATENATED MODULE: ./src/report/github/applies.ts
/**
 * Whether the run reports to GitHub at all. On a runner (`GITHUB_ACTIONS`), asking for it is enough:
 * the reporter then warns about whatever is missing. Elsewhere (the command line in another CI) it
 * runs only with a whole GitHub context — repository, commit and token — and is otherwise silently off.
 */
function githubReportingApplies(settings, env) {
    if (!settings.prComment && !settings.commitStatus && !settings.environment)
        return false;
    if (env.GITHUB_ACTIONS === 'true')
        return true;
    return Boolean(env.GITHUB_REPOSITORY && env.GITHUB_SHA && settings.token);
}

;// CONCATENATED MODULE: ./src/github-reporting.ts
/**
 * GitHub reporting around the wait, held to the step's bounds: it starts alongside the wait (a slow API
 * must not move the user's deadline), and after the verdict it takes at most 15 s in all — however the
 * API behaves (no answer, a trickle of bytes). The start's requests are done or aborted before the
 * finish is sent, so no `pending` lands after the final state.
 */


/** Everything GitHub reporting may add to the step once the verdict is known. */
const REPORTING_BUDGET_MS = 15_000;
/** Of that budget, how long a start still under way may take before it is aborted. */
const START_GRACE_MS = 4_000;
/** An aborted request settles at once; this only guards against one that does not. */
const ABORT_SETTLE_MS = 500;
const GAVE_UP = 'GitHub did not answer in time; gave up so as not to hold the step';
/** Undefined when no GitHub feature is on (and @actions/github is then never loaded). */
async function startGithubReporting(options) {
    const { settings, env, info, log, redact } = options;
    if (!githubReportingApplies(settings, env))
        return undefined;
    const { createGithubReporter, readGithubRunContext } = await __webpack_require__.e(/* import() */ 621).then(__webpack_require__.bind(__webpack_require__, 6621));
    const reporter = createGithubReporter({
        settings,
        context: readGithubRunContext(env, (path) => (0,external_node_fs_.readFileSync)(path, 'utf8')),
        info,
        log,
        redact,
    });
    const startStop = new AbortController();
    const started = reporter.start(startStop.signal);
    return {
        log,
        async finish(result) {
            const deadline = Date.now() + REPORTING_BUDGET_MS;
            await settledWithin(started, START_GRACE_MS);
            startStop.abort(new Error(GAVE_UP));
            await settledWithin(started, ABORT_SETTLE_MS);
            const finishStop = new AbortController();
            await settledWithin(reporter.finish(result, finishStop.signal), deadline - Date.now());
            finishStop.abort(new Error(GAVE_UP));
        },
    };
}
async function settledWithin(work, ms) {
    let timer;
    await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
    clearTimeout(timer);
}

;// CONCATENATED MODULE: ./src/providers/index.ts
/**
 * Loaded on demand so a run only pays start-up for the provider it uses (and, given the config, only for
 * the parts of it the inputs need).
 */
const PROVIDERS = {
    'opensearch-flow-framework': async (config) => (await __webpack_require__.e(/* import() */ 910).then(__webpack_require__.bind(__webpack_require__, 8910))).loadOpenSearchProvider(config),
    'sap-cloud-integration': async () => (await __webpack_require__.e(/* import() */ 317).then(__webpack_require__.bind(__webpack_require__, 317))).sapProvider,
    'nl-flow': async () => (await __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 7955))).nlFlowProvider,
    installer: async () => (await __webpack_require__.e(/* import() */ 652).then(__webpack_require__.bind(__webpack_require__, 6652))).installerProvider,
};

;// CONCATENATED MODULE: ./src/report/opensearch-resources.ts

/** The resources each workflow reported in its last status (`resources_created`, as components). */
function createdResources(targets) {
    return targets.flatMap((target) => (target.snapshot?.components ?? []).flatMap((component) => {
        const details = component.details ?? {};
        const stepId = details.workflow_step_id;
        const resourceId = details.resource_id;
        if (component.kind !== 'resource' || stepId === undefined || resourceId === undefined)
            return [];
        return [{ workflowId: target.id, stepId, type: details.resource_type ?? '', resourceId }];
    }));
}
function workflowIdOutput(result) {
    return result.targets.map((target) => target.id).join(',');
}
/** `workflow_step_id` → `resource_id`; `<workflow id>/<step id>` keys when several workflows are followed. */
function resourcesOutput(result) {
    const several = result.targets.length > 1;
    const entries = createdResources(result.targets).map((resource) => [several ? `${resource.workflowId}/${resource.stepId}` : resource.stepId, resource.resourceId]);
    return JSON.stringify(Object.fromEntries(entries));
}
/** A table of what the workflows created, with the resource types; '' when they created nothing. */
function resourcesSection(result) {
    const resources = createdResources(result.targets);
    if (resources.length === 0)
        return '';
    const several = result.targets.length > 1;
    const header = [...(several ? ['Workflow'] : []), 'Step', 'Type', 'Resource'];
    const rows = resources.map((resource) => [
        ...(several ? [(0,format/* inlineCode */.ti)(resource.workflowId)] : []),
        (0,format/* inlineCode */.ti)(resource.stepId),
        (0,format/* inlineCode */.ti)(resource.type),
        (0,format/* inlineCode */.ti)(resource.resourceId),
    ]);
    return `### Resources created\n\n${(0,format/* table */.tp)(header, rows)}`;
}

// EXTERNAL MODULE: ./src/report/verdicts.ts
var verdicts = __webpack_require__(9910);
;// CONCATENATED MODULE: ./src/report/outputs.ts




/** Workflow expressions read `result` with fromJSON; far below GitHub's per-output limit, yet enough for dozens of targets. */
const MAX_RESULT_JSON_BYTES = 64 * 1024;
function buildOutputs(result, provider) {
    const deciding = result.targets.find((target) => target.id === result.decidingTarget);
    const opensearch = provider === 'opensearch-flow-framework';
    return {
        [inputs/* OUTPUT */.aQ.status]: result.verdict,
        [inputs/* OUTPUT */.aQ.ready]: String(result.ready),
        [inputs/* OUTPUT */.aQ.providerStatus]: deciding?.providerStatus ?? '',
        [inputs/* OUTPUT */.aQ.message]: (0,format/* oneLine */.TN)(result.message),
        [inputs/* OUTPUT */.aQ.progress]: progressOutput(result.targets),
        [inputs/* OUTPUT */.aQ.taskId]: result.targets.flatMap((target) => (target.taskId ? [target.taskId] : [])).join(','),
        [inputs/* OUTPUT */.aQ.attempts]: String(result.attempts),
        [inputs/* OUTPUT */.aQ.duration]: seconds(result.durationMs),
        [inputs/* OUTPUT */.aQ.result]: resultJson(result),
        [inputs/* OUTPUT */.aQ.skipped]: skippedOutput(result.targets),
        [inputs/* OUTPUT */.aQ.endpoints]: JSON.stringify(result.endpoints ?? {}),
        [inputs/* OUTPUT */.aQ.workflowId]: opensearch ? workflowIdOutput(result) : '',
        [inputs/* OUTPUT */.aQ.resources]: opensearch ? resourcesOutput(result) : '{}',
    };
}
/**
 * The lowest progress over the targets that report one: with several targets the deploy is
 * only as far along as its slowest part. Empty when no target reports progress.
 */
function progressOutput(targets) {
    const values = targets.flatMap((target) => {
        const progress = target.snapshot?.progress;
        return progress === undefined || !Number.isFinite(progress) ? [] : [progress];
    });
    return values.length === 0 ? '' : String(Math.round(Math.min(...values)));
}
/** The targets that were not deployed again because they already ran that version. */
function skippedOutput(targets) {
    return targets.flatMap((target) => (target.skipped ? [target.id] : [])).join(',');
}
/** Seconds with one decimal (`42.3`): precise enough for a gate, easy to compare in an expression. */
function seconds(ms) {
    return (Math.max(0, ms) / 1000).toFixed(1);
}
/** Tried in order until the JSON fits; the last level keeps only what a gate needs. */
const DETAIL_LEVELS = [
    { maxComponents: 50, maxLogs: 20, maxText: 1000 },
    { maxComponents: 10, maxLogs: 5, maxText: 300 },
    { maxComponents: 0, maxLogs: 0, maxText: 200 },
];
function resultJson(result) {
    for (const detail of DETAIL_LEVELS) {
        const json = JSON.stringify(resultDocument(result, result.targets, detail));
        if (Buffer.byteLength(json, 'utf8') <= MAX_RESULT_JSON_BYTES)
            return json;
    }
    // Still too big: that many targets. Keep the worst ones, say how many were left out.
    const leanest = DETAIL_LEVELS[DETAIL_LEVELS.length - 1];
    let kept = (0,verdicts/* worstFirst */.md)(result.targets);
    for (;;) {
        const json = JSON.stringify(resultDocument(result, kept, leanest));
        const size = Buffer.byteLength(json, 'utf8');
        if (size <= MAX_RESULT_JSON_BYTES || kept.length === 0)
            return json;
        kept = kept.slice(0, Math.min(kept.length - 1, Math.floor((kept.length * MAX_RESULT_JSON_BYTES) / size)));
    }
}
function resultDocument(result, targets, detail) {
    const omittedTargets = result.targets.length - targets.length;
    return {
        status: result.verdict,
        ready: result.ready,
        message: (0,format/* cut */.Jj)(result.message, detail.maxText),
        decidingTarget: result.decidingTarget ?? null,
        attempts: result.attempts,
        transientErrors: result.transientErrors,
        duration: Number(seconds(result.durationMs)),
        startedAt: result.startedAt.toISOString(),
        targets: targets.map((target) => targetDocument(target, detail)),
        ...(omittedTargets > 0 ? { omittedTargets } : {}),
    };
}
function targetDocument(target, detail) {
    const snapshot = target.snapshot;
    const components = snapshot?.components ?? [];
    const logs = snapshot?.logs ?? [];
    const shownLogs = detail.maxLogs > 0 ? logs.slice(-detail.maxLogs) : [];
    const text = (value) => (0,format/* cut */.Jj)(value, detail.maxText);
    return {
        id: target.id,
        status: target.verdict,
        providerStatus: target.providerStatus,
        message: text(target.message),
        progress: snapshot?.progress ?? null,
        taskId: target.taskId ?? null,
        ...(target.skipped ? { skipped: true } : {}),
        attempts: target.attempts,
        transientErrors: target.transientErrors,
        duration: Number(seconds(target.durationMs)),
        startedAt: snapshot?.startedAt ?? null,
        completedAt: snapshot?.completedAt ?? null,
        components: components.slice(0, detail.maxComponents).map((component) => componentDocument(component, text)),
        ...(components.length > detail.maxComponents
            ? { omittedComponents: components.length - detail.maxComponents }
            : {}),
        logs: shownLogs.map((line) => logDocument(line, text)),
        ...(logs.length > shownLogs.length ? { omittedLogs: logs.length - shownLogs.length } : {}),
    };
}
function componentDocument(component, text) {
    return {
        name: text(component.name),
        kind: component.kind,
        state: component.state,
        ...(component.providerStatus === undefined ? {} : { providerStatus: text(component.providerStatus) }),
        ...(component.desired === undefined ? {} : { desired: component.desired }),
        ...(component.actual === undefined ? {} : { actual: component.actual }),
        ...(component.message === undefined ? {} : { message: text(component.message) }),
        ...(component.details === undefined
            ? {}
            : { details: Object.fromEntries(Object.entries(component.details).map(([name, value]) => [name, text(value)])) }),
    };
}
function logDocument(line, text) {
    return {
        ...(line.time ? { time: line.time } : {}),
        ...(line.level ? { level: line.level } : {}),
        message: text(line.message),
    };
}

// EXTERNAL MODULE: ./src/report/redact-result.ts
var redact_result = __webpack_require__(6175);
// EXTERNAL MODULE: ./src/report/package-sections.ts
var package_sections = __webpack_require__(4003);
// EXTERNAL MODULE: ./src/report/sections.ts
var report_sections = __webpack_require__(3844);
;// CONCATENATED MODULE: ./src/report/target-details.ts




const MAX_COMPONENTS = 20;
const MAX_LOG_LINES = 20;
const MAX_LOG_LINE_CHARS = 300;
/** Empty when there is nothing beyond the table row to show. */
function targetDetails(target) {
    const parts = [facts(target), components(target), logs(target)].filter(Boolean);
    if (parts.length === 0)
        return '';
    return [`#### ${(0,format/* inlineCode */.ti)(target.id)} · ${(0,verdicts/* markedVerdict */.qn)(target.verdict)}`, ...parts].join('\n\n');
}
function facts(target) {
    const snapshot = target.snapshot;
    const items = [
        target.taskId ? `task ${(0,format/* inlineCode */.ti)(target.taskId)}` : '',
        snapshot?.startedAt ? `started ${(0,format/* inlineText */.ln)(snapshot.startedAt, 40)}` : '',
        snapshot?.completedAt ? `completed ${(0,format/* inlineText */.ln)(snapshot.completedAt, 40)}` : '',
        (0,format/* plural */.LS)(target.attempts, 'status read'),
        target.transientErrors > 0 ? `${(0,format/* plural */.LS)(target.transientErrors, 'transient error')} retried` : '',
    ];
    return items.filter(Boolean).join(' · ');
}
function components(target) {
    const all = target.snapshot?.components ?? [];
    if (all.length === 0)
        return '';
    const { shown, omitted } = (0,format/* firstOf */.Ku)(all, MAX_COMPONENTS);
    const rows = shown.map((component) => [
        (0,format/* inlineText */.ln)(component.name, 120),
        (0,format/* inlineText */.ln)(component.kind, 40),
        (0,verdicts/* markedVerdict */.qn)(component.state),
        (0,format/* inlineText */.ln)(component.providerStatus ?? '', 80),
        replicas(component),
        (0,format/* inlineText */.ln)(componentNote(component), 300),
    ]);
    const body = (0,format/* compactTable */.YI)(['Component', 'Kind', 'State', 'Provider status', 'Actual / desired', 'Message'], rows);
    const more = (0,format/* moreLine */.g0)(omitted, 'components');
    const notOk = all.filter((component) => component.state !== 'succeeded').length;
    const heading = `Components: ${all.length}${notOk > 0 ? ` (${notOk} not succeeded)` : ''}`;
    return (0,format/* details */.zH)(heading, more ? `${body}\n\n${more}` : body);
}
function replicas(component) {
    if (component.desired === undefined && component.actual === undefined)
        return '';
    return `${component.actual ?? '?'} / ${component.desired ?? '?'}`;
}
function logs(target) {
    const all = (target.snapshot?.logs ?? []).filter((line) => !shownInTable(line, target));
    if (all.length === 0)
        return '';
    const { shown, omitted } = (0,format/* lastOf */.g1)(all, MAX_LOG_LINES);
    const heading = omitted > 0 ? `Last ${shown.length} of ${all.length} log lines` : (0,format/* plural */.LS)(all.length, 'log line');
    // A failed target's logs are why a reader opened the summary: show them unfolded.
    const open = target.verdict === 'failed' || target.verdict === 'error' || target.verdict === 'degraded';
    return (0,format/* details */.zH)(heading, (0,format/* preformatted */.EC)(shown.map(logLine)), open);
}
/** An error detail the table's message already holds in full (SAP puts its error details there): shown once. */
function shownInTable(line, target) {
    return target.message.length <= report_sections/* TABLE_MESSAGE_CHARS */.fh && line.message !== '' && target.message.includes(line.message);
}
// Colour codes are what installers print; they are exactly the control characters this matches.
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** One line of the `<pre>` block: colour codes dropped, embedded newlines shown, long lines cut. */
function logLine(line) {
    const flat = logLineText(line)
        .replace(ANSI_ESCAPE, '')
        .replace(/\r?\n/g, ' ⏎ ')
        .replace(/\p{Cc}/gu, ' ');
    return (0,format/* cut */.Jj)(flat, MAX_LOG_LINE_CHARS);
}

// EXTERNAL MODULE: ./src/report/gantt.ts
var gantt = __webpack_require__(4200);
;// CONCATENATED MODULE: ./src/report/timeline.ts
/** The state changes of all targets in time order, so a reader sees where the time went. */




const HEAD_ROWS = 15;
const TAIL_ROWS = 25;
function timelineRows(result) {
    const rows = result.targets.flatMap((target) => target.timeline.map((change, index) => ({
        target: target.id,
        change,
        afterMs: change.atMs - (target.timeline[index - 1]?.atMs ?? 0),
    })));
    // Array.prototype.sort is stable: equal times keep the targets' input order.
    return rows.sort((a, b) => a.change.atMs - b.change.atMs);
}
/** The chart, or the table when there are too many targets to draw; empty when nothing changed. */
function timeline(result) {
    return (0,gantt/* ganttChart */.$)(result) || timelineTable(result);
}
/** A long timeline keeps its beginning and its end. */
function timelineTable(result) {
    const rows = timelineRows(result);
    if (rows.length === 0)
        return '';
    const cells = (row) => [
        `+${(0,values/* formatDuration */.a3)(row.change.atMs)}`,
        (0,format/* inlineCode */.ti)(row.target),
        (0,verdicts/* markedVerdict */.qn)(row.change.state),
        (0,format/* inlineText */.ln)(row.change.providerStatus, 80),
        (0,values/* formatDuration */.a3)(row.afterMs),
    ];
    const header = ['Elapsed', 'Target', 'State', 'Provider status', 'Time in previous state'];
    if (rows.length <= HEAD_ROWS + TAIL_ROWS)
        return (0,format/* table */.tp)(header, rows.map(cells));
    const omitted = rows.length - HEAD_ROWS - TAIL_ROWS;
    const gap = [`… ${omitted} more changes`, '', '', '', ''];
    return (0,format/* table */.tp)(header, [...rows.slice(0, HEAD_ROWS).map(cells), gap, ...rows.slice(-TAIL_ROWS).map(cells)]);
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/** The job summary: built as markdown from the final result; the edge writes it. */








/** GitHub refuses summaries over 1 MiB; this leaves room for other steps' summaries of the same job. */
const MAX_SUMMARY_BYTES = 200 * 1024;
const MAX_DETAILED_TARGETS = 10;
function buildSummary(result, info) {
    // The targets that need a look come first: a reader opens the summary because something failed.
    const detailed = (0,verdicts/* worstFirst */.md)(result.targets).slice(0, MAX_DETAILED_TARGETS);
    const hiddenDetails = result.targets.length - detailed.length;
    const perTarget = detailed.map(targetDetails).filter(Boolean);
    const sections = [
        essential(`## ${(0,verdicts/* headline */.Pl)(result, info.allowDegraded)}`),
        essential(info.endpoint || info.ids.length > 0 ? (0,report_sections/* deployedWhat */.rv)(info) : ''),
        // With targets, each message is in the table once; without, this is the only place for it.
        essential(result.targets.length === 0 && result.message ? `> ${(0,format/* inlineText */.ln)(result.message, 1000)}` : ''),
        essential(verdictNote(result, info)),
        essential(result.targets.length > 0 ? (0,report_sections/* targetTable */.iY)(result) : ''),
        essential((0,package_sections/* skippedLine */.Bo)(result)),
        optional((0,package_sections/* deployOrderSection */.nT)(result)),
        optional(info.provider === 'opensearch-flow-framework' ? resourcesSection(result) : ''),
        ...perTarget.map((text, index) => optional(index === 0 ? `### Details\n\n${text}` : text)),
        optional(hiddenDetails > 0
            ? `… ${hiddenDetails} more targets without details (the worst ${MAX_DETAILED_TARGETS} are shown)`
            : ''),
        optional(withHeading('### Timeline', timeline(result))),
        essential(result.targets.length > 0
            ? `### Polling\n\n${(0,report_sections/* pollingFigures */.X$)(result)} · timeout ${(0,values/* formatDuration */.a3)(info.timeoutMs)} · started ${result.startedAt.toISOString()}`
            : ''),
    ];
    return fit(sections, MAX_SUMMARY_BYTES);
}
/** What to do next, where the verdict alone does not say it. */
function verdictNote(result, info) {
    switch (result.verdict) {
        case 'timed_out':
            return `Stopped waiting after ${(0,values/* formatDuration */.a3)(info.timeoutMs)}: the deploy may still finish on the provider. Raise \`timeout\` if it usually needs longer.`;
        case 'cancelled':
            return 'The run was cancelled while waiting: the deploy may still be running on the provider.';
        case 'error':
            return result.targets.length === 0
                ? 'No status was read: fix what the message says and run again.'
                : 'The provider could not be asked: the message says what to check.';
        case 'not_found':
            return 'Check `url` and `id`. A target that appears only after a while needs `discovery-timeout`.';
        case 'degraded':
            return result.ready
                ? ''
                : 'The deploy is usable but not fully healthy. Set `allow-degraded: true` to accept that.';
        default:
            return '';
    }
}
function withHeading(heading, body) {
    return body ? `${heading}\n\n${body}` : '';
}
const essential = (text) => ({ text, essential: true });
const optional = (text) => ({ text, essential: false });
/** Joins the sections, leaving out optional ones (from the end) until the whole fits in `maxBytes`. */
function fit(sections, maxBytes) {
    const present = sections.filter((section) => section.text !== '');
    const bytes = (section) => Buffer.byteLength(section.text, 'utf8') + 2;
    let total = present.reduce((sum, section) => sum + bytes(section), 0);
    const dropped = new Set();
    for (const section of [...present].reverse()) {
        if (total <= maxBytes)
            break;
        if (section.essential)
            continue;
        dropped.add(section);
        total -= bytes(section);
    }
    const kept = present.filter((section) => !dropped.has(section)).map((section) => section.text);
    if (dropped.size > 0)
        kept.push(`… ${dropped.size} more sections left out to keep the summary small`);
    return `${kept.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/run-info.ts


/** What the reports say was waited for. Without a valid config (an input error), what is known. */
function runInfoFor(config, prepared) {
    return {
        provider: config?.provider ?? 'opensearch-flow-framework',
        // A parsed config's url is a valid http(s) URL without credentials.
        endpoint: prepared?.endpoint ?? (config?.url ? (0,values/* displayEndpoint */.OI)(new URL(config.url)) : ''),
        ids: prepared?.targets ?? config?.ids ?? [],
        deploy: config?.deploy ?? false,
        version: config?.provider === 'sap-cloud-integration' && config.deploy ? config.version : undefined,
        allowDegraded: config?.wait.allowDegraded ?? false,
        timeoutMs: config?.wait.timeoutMs ?? 0,
    };
}
/** The result of a run that could not wait at all: bad inputs, or an unexpected failure. */
function failureResult(error, startedAt, cancelled) {
    const message = error instanceof errors/* InputError */.d
        ? error.message
        : `${cancelled ? 'cancelled' : 'unexpected error'}: ${(0,errors/* messageOf */.b)(error)}`;
    return {
        verdict: cancelled ? 'cancelled' : 'error',
        ready: false,
        message,
        targets: [],
        attempts: 0,
        transientErrors: 0,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
    };
}

;// CONCATENATED MODULE: ./src/log-result.ts

function logResult(edge, result, allowDegraded, redact) {
    for (const target of result.targets) {
        const { title, lines } = targetLogGroup(target);
        edge.group(redact(title), lines.map(redact));
    }
    for (const annotation of notReadyAnnotations(result, allowDegraded)) {
        edge.error(redact(annotation.message), { title: redact(annotation.title) });
        // An annotation shows one line in most places: the provider's own words follow in full.
        for (const detail of annotation.details)
            edge.info(redact(`  ${detail}`));
    }
}
/**
 * A logger whose info lines wait to be shown as one group at the end (the GitHub reporting runs
 * beside the wait, and groups do not nest); warnings and debug lines go out at once.
 */
function groupedLogger(log) {
    const lines = [];
    return { lines, info: (message) => lines.push(message), warning: log.warning, debug: log.debug };
}

;// CONCATENATED MODULE: ./src/app.ts
















/** `signals`: watched since the process started when the entry point says so, else from here on. */
async function runAwaitDeploy(edge, signals = (0,edge_signals/* watchSignals */.R)()) {
    try {
        return await waitAndReport(edge, signals);
    }
    catch (error) {
        // Nothing should get here (each report step fails on its own); if something does, still fail visibly.
        const message = `await-deploy could not report: ${(0,errors/* messageOf */.b)(error)}`;
        edge.setFailed(message);
        return { result: failureResult(new Error(message), new Date(), false), inputError: false, failed: true };
    }
    finally {
        signals.stop();
    }
}
async function waitAndReport(edge, signals) {
    const startedAt = new Date();
    const redactor = new Redactor();
    const log = redactingLogger(edge, redactor);
    const cancellation = new AbortController();
    signals.onFirst((signal) => {
        log.warning(`Received ${signal}: stopping the wait and reporting what is known.`);
        cancellation.abort(new Error(`cancelled by ${signal}`));
    });
    let config;
    let info;
    let http;
    let github;
    let result;
    let inputError = false;
    const mask = (secret) => {
        edge.setSecret(secret);
        redactor.add(secret);
    };
    try {
        // Before anything can print them.
        secretInputValues(edge).forEach(mask);
        config = parseConfig((name) => edge.readInput(name), edge.env);
        derivedSecrets(config).forEach(mask);
        const provider = await PROVIDERS[config.provider](config);
        if (config.deploy && !provider.canTrigger) {
            throw new errors/* InputError */.d(inputs/* INPUT */.bO.deploy, `Input '${inputs/* INPUT */.bO.deploy}' is true, but provider '${config.provider}' has no documented way to start a deploy: remove 'deploy' and trigger the deploy in an earlier step; this step then waits for it.`);
        }
        const prepared = provider.prepare(config);
        prepared.secrets.forEach(mask);
        info = runInfoFor(config, prepared);
        const client = createHttpClient({
            extraHeaders: config.headers,
            extraHeadersOrigin: new URL(prepared.endpoint).origin,
            caCertificate: config.caCertificate,
            clientCertificate: prepared.clientCertificate,
            proxyEnv: proxyEnvironment(edge.env),
            sign: prepared.sign,
        });
        http = client;
        github = await startGithubReporting({
            settings: config.github,
            env: edge.env,
            info,
            log: groupedLogger(log),
            redact: (text) => redactor.redactForApi(text),
        });
        result = await waitForTargets({
            targets: prepared.targets,
            session: prepared.open({ config, http: client, log, mask }),
            deploy: config.deploy,
            settings: config.wait,
            clock: clock/* systemClock */.m,
            random: Math.random,
            log,
            signal: cancellation.signal,
            maxInFlight: config.maxParallel,
        });
    }
    catch (error) {
        inputError = error instanceof errors/* InputError */.d;
        result = failureResult(error, startedAt, cancellation.signal.aborted);
    }
    // Redacted before rendering too: escaping changes a secret's text, so a final pass alone could miss one.
    const shown = (0,redact_result/* redactResult */.r)(result, (text) => redactor.redactShown(text));
    // Each report is written whatever became of the one before: an unwritable GITHUB_OUTPUT still gets a summary.
    const outputsFailure = writeOutputs(edge, shown, redactor, config?.provider);
    if (config?.summary !== false)
        await writeSummary(edge, shown, followed(info ?? runInfoFor(config), shown), redactor, log);
    logResult(edge, shown, config?.wait.allowDegraded ?? false, (text) => redactor.redactShown(text));
    const failed = !result.ready && (config?.failOnNotReady !== false || result.targets.length === 0);
    if (failed) {
        edge.setFailed(redactor.redactShown(`${result.verdict}: ${result.message}`));
    }
    else if (result.ready) {
        log.info(`Ready: ${result.message}`);
    }
    else {
        log.warning(`Not ready (${result.verdict}), and fail-on-not-ready is false: ${result.message}`);
    }
    if (github) {
        await github.finish(result);
        if (github.log.lines.length > 0) {
            edge.group('GitHub reporting', github.log.lines.map((line) => redactor.redactShown(line)));
        }
    }
    await http?.close();
    if (outputsFailure)
        edge.setFailed(redactor.redact(`await-deploy could not write the step outputs: ${outputsFailure}`));
    return { result: shown, inputError, failed: failed || outputsFailure !== undefined };
}
/** What the run followed: the targets found at run time (a package's artifacts, a created workflow) when there are any. */
function followed(info, result) {
    return result.targets.length > 0 ? { ...info, ids: result.targets.map((target) => target.id) } : info;
}
/** Every secret input as given (a service key's own secrets come from the provider's settings). */
function secretInputValues(edge) {
    return inputs/* SECRET_INPUTS */.pH.flatMap((name) => {
        const value = edge.readInput(name).trim();
        return value ? [value] : [];
    });
}
/** Why the outputs could not be written, or undefined when they were. */
function writeOutputs(edge, result, redactor, provider) {
    try {
        for (const [name, value] of Object.entries(buildOutputs(result, provider))) {
            edge.setOutput(name, redactor.redact(value));
        }
        return undefined;
    }
    catch (error) {
        return (0,errors/* messageOf */.b)(error);
    }
}
async function writeSummary(edge, result, info, redactor, log) {
    try {
        // Like the GitHub API, the summary is shown outside the runner's log masking: every secret goes, however short.
        await edge.writeSummary(redactor.redactForApi(buildSummary(result, info)));
    }
    catch (error) {
        // Outside a runner (or with the summary file gone) the verdict still stands.
        log.warning(`Could not write the job summary: ${(0,errors/* messageOf */.b)(error)}`);
    }
}
function redactingLogger(edge, redactor) {
    return {
        debug: (message) => edge.debug(redactor.redactShown(message)),
        info: (message) => edge.info(redactor.redactShown(message)),
        warning: (message) => edge.warning(redactor.redactShown(message)),
    };
}
function proxyEnvironment(env) {
    return {
        httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
        httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
        noProxy: env.NO_PROXY || env.no_proxy || undefined,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/core/logger.ts
const silentLogger = { debug() { }, info() { }, warning() { } };
/**
 * One line the runner will not read as a workflow command: provider text (an installer log line, SAP's
 * DeployedBy) could otherwise start a line with `::` and forge an annotation or a mask. Warnings and
 * debug lines are commands already, and @actions/core escapes their text.
 */
function plainLogLine(text) {
    return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/^(\s*)::/, '$1: :');
}

;// CONCATENATED MODULE: ./src/cli/ci-commands.ts
/**
 * Azure Pipelines reads `##vso[…]` anywhere in a line of a step's output, and `##[…]`, as commands
 * (set a variable, fail the step). Provider text must start none of them from our log or `--json`.
 */
const AZURE_COMMAND = /##(?=vso\[|\[)/gi;
/** A log line with every `##vso[` / `##[` broken up. */
function withoutCiCommands(line) {
    return line.replace(AZURE_COMMAND, '# #');
}
/**
 * JSON text with the `#` of every `##vso[` / `##[` escaped (`\u0023`): the same JSON to a parser.
 * A `#` is never JSON syntax, and never follows a backslash that escapes it, so only string contents change.
 */
function jsonWithoutCiCommands(json) {
    return json.replace(AZURE_COMMAND, '\\u0023\\u0023');
}

;// CONCATENATED MODULE: ./src/cli/colour.ts
/** Colours for the command line's log: only on a terminal, and never with NO_COLOR (https://no-color.org). */
function colourWanted(isTTY, env) {
    return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
const SGR = {
    debug: '2',
    info: undefined,
    warning: '33',
    error: '31',
    failure: '31',
};
const PREFIX = {
    debug: 'debug: ',
    info: '',
    warning: 'warning: ',
    error: 'error: ',
    failure: 'await-deploy: ',
};
/** One log line: `warning: …`, `error: …`, `await-deploy: failed: …`, coloured when asked. */
function colour_logLine(kind, text, colour) {
    const line = `${PREFIX[kind]}${text}`;
    const sgr = SGR[kind];
    return colour && sgr ? `\u001b[${sgr}m${line}\u001b[0m` : line;
}

;// CONCATENATED MODULE: ./src/edge/cli.ts
/**
 * The command-line edge: the log as plain text on stderr (no workflow or pipeline commands), outputs
 * kept for `--output`/`--json`, the summary to `--summary FILE`. No runner masks anything here, so this edge
 * blanks every secret it was given, of any length, out of everything it prints or writes.
 */





function createCliEdge(options) {
    const secrets = new Redactor(1);
    const redact = (text) => secrets.redact(text);
    const outputs = new Map();
    const print = (kind, message) => {
        if (kind === 'debug' && !options.verbose)
            return;
        options.writeStderr(`${colour_logLine(kind, withoutCiCommands(plainLogLine(redact(message))), options.colour)}\n`);
    };
    const edge = {
        readInput: options.readInput,
        setOutput: (name, value) => outputs.set(name, redact(value)),
        setSecret: (secret) => secrets.add(secret.trim()),
        debug: (message) => print('debug', message),
        info: (message) => print('info', message),
        warning: (message) => print('warning', message),
        error: (message, { title }) => print('error', `${title}: ${message}`),
        // No folding on a terminal: the title, then its lines indented under it.
        group: (title, lines) => {
            print('info', title);
            for (const line of lines)
                print('info', `  ${line}`);
        },
        setFailed: (message) => print('failure', message),
        writeSummary: async (markdown) => {
            if (options.summaryFile)
                await (0,external_node_fs_promises_.writeFile)(options.summaryFile, redact(markdown));
        },
        env: options.env,
    };
    return { edge, outputs, print };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/dotenv.ts
/**
 * `--output FILE`: the outputs as a GitLab dotenv report. GitLab reads each line as `KEY=VALUE` split
 * at the first `=`, strips both ends, keeps quotes as they are, knows no escapes, refuses the whole
 * file for an empty line, a line without `=`, a key other than [A-Za-z0-9_], or 5 KiB and more
 * (gitlab-org/gitlab app/services/ci/parse_dotenv_artifact_service.rb, Ci::HasVariable).
 * So: `-` in names becomes `_`, every value is one line (JSON values already are: JSON escapes line
 * breaks), nothing is quoted, and the largest values are left out until the file fits.
 */
/** GitLab's default limit: a dotenv report must be smaller than this. */
const DOTENV_MAX_BYTES = 5 * 1024;
const dotenvName = (output) => output.replace(/[^A-Za-z0-9_]/g, '_');
function dotenvReport(outputs) {
    const lines = [...outputs].map(([name, value]) => ({
        name,
        line: `${dotenvName(name)}=${value.replace(/\r\n|[\r\n]/g, ' ')}\n`,
    }));
    const leftOut = [];
    const size = () => lines.reduce((total, { line }) => total + Buffer.byteLength(line, 'utf8'), 0);
    while (size() >= DOTENV_MAX_BYTES && lines.length > 0) {
        const largest = lines.reduce((a, b) => (Buffer.byteLength(b.line) > Buffer.byteLength(a.line) ? b : a));
        lines.splice(lines.indexOf(largest), 1);
        leftOut.push(largest.name);
    }
    return { text: lines.map(({ line }) => line).join(''), leftOut };
}

// EXTERNAL MODULE: ./src/cli/exit-code.ts
var exit_code = __webpack_require__(1552);
;// CONCATENATED MODULE: ./src/cli/inputs.ts


/** Raw text for the one parser; flags win over the environment. */
function cliInputReader(flags, env) {
    return (name) => {
        // `--summary FILE` says where the summary goes; without one, none is built (see summaryFile).
        if (name === inputs/* INPUT */.bO.summary)
            return summaryFile(flags, env) === undefined ? 'false' : 'true';
        const given = flags[name] ?? env[(0,args/* inputEnvVariable */.OP)(name)];
        // A workflow's default is `${{ github.token }}`; other CIs pass it as GITHUB_TOKEN.
        if (name === inputs/* INPUT */.bO.githubToken)
            return given || env.GITHUB_TOKEN || '';
        return given ?? '';
    };
}
/** `--summary FILE` (or `AWAIT_DEPLOY_SUMMARY=FILE`); undefined when no summary is asked for. */
function summaryFile(flags, env) {
    return (flags[inputs/* INPUT */.bO.summary] ?? env[(0,args/* inputEnvVariable */.OP)(inputs/* INPUT */.bO.summary)]) || undefined;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `await-deploy` on the command line: the same run as the action (`runAwaitDeploy`) over the
 * command-line edge, then the outputs where the flags ask for them and an exit code per verdict.
 */












/** Runs once and returns the exit code; prints nothing on stdout but `--help` and `--json`. */
async function runCli(cli) {
    const parsed = (0,args/* parseCliArgs */.hT)(cli.argv);
    if ('error' in parsed) {
        cli.stderr(`await-deploy: ${parsed.error}\n`);
        return exit_code/* EXIT_BAD_INPUT */.yt;
    }
    const { request } = parsed;
    if (request.help) {
        // Loaded for --help only: it parses action.yml, which a run never needs.
        const { helpText } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(951)]).then(__webpack_require__.bind(__webpack_require__, 2951));
        cli.stdout(helpText());
        return 0;
    }
    const summary = summaryFile(request.inputs, cli.env);
    if (summary !== undefined && (0,values/* parseBoolean */.yG)(summary) !== undefined) {
        cli.stderr(`await-deploy: --summary takes a file name (got '${summary}'); without it no summary is written\n`);
        return exit_code/* EXIT_BAD_INPUT */.yt;
    }
    const { edge, outputs, print } = createCliEdge({
        readInput: cliInputReader(request.inputs, cli.env),
        summaryFile: summary,
        verbose: request.verbose,
        colour: colourWanted(cli.stderrIsTTY, cli.env),
        writeStderr: cli.stderr,
        env: cli.env,
    });
    const outcome = await runAwaitDeploy(edge, cli.signals);
    let code = (0,exit_code/* exitCode */.I$)(outcome, cli.signal());
    if (request.outputFile) {
        const report = dotenvReport(outputs);
        for (const name of report.leftOut) {
            print('warning', `--output leaves out '${name}': GitLab refuses a dotenv report of ${DOTENV_MAX_BYTES} bytes or more; --json prints the result whole.`);
        }
        try {
            (0,external_node_fs_.writeFileSync)(request.outputFile, report.text);
        }
        catch (error) {
            print('failure', `could not write --output ${request.outputFile}: ${(0,errors/* messageOf */.b)(error)}`);
            if (code === 0)
                code = exit_code/* EXIT_ERROR */.SI;
        }
    }
    if (request.json)
        cli.stdout(`${jsonWithoutCiCommands(outputs.get(inputs/* OUTPUT */.aQ.result) ?? '')}\n`);
    return code;
}


/***/ }),

/***/ 1122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JB: () => (/* binding */ AWS_SERVICES),
/* harmony export */   r5: () => (/* binding */ ARTIFACT_TYPES),
/* harmony export */   xd: () => (/* binding */ PROVIDER_NAMES)
/* harmony export */ });
const PROVIDER_NAMES = ['sap-cloud-integration', 'opensearch-flow-framework', 'nl-flow', 'installer'];
const ARTIFACT_TYPES = ['integration-flow', 'value-mapping', 'script-collection', 'message-mapping'];
const AWS_SERVICES = ['es', 'aoss'];


/***/ }),

/***/ 9192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ INPUT_DOCS)
/* harmony export */ });
const SAP = ['sap-cloud-integration'];
const SAP_AND_OPENSEARCH = ['sap-cloud-integration', 'opensearch-flow-framework'];
const OPENSEARCH = ['opensearch-flow-framework'];
const ALL = 'every provider';
const GITHUB = 'GitHub reporting';
const INPUT_DOCS = {
    provider: { scope: ALL },
    url: { scope: ALL },
    id: { scope: ALL },
    deploy: { scope: SAP_AND_OPENSEARCH, boolean: true },
    version: { scope: SAP },
    'artifact-type': { scope: SAP },
    token: { scope: ALL },
    'api-key': { scope: ['nl-flow'] },
    username: { scope: SAP_AND_OPENSEARCH },
    password: { scope: SAP_AND_OPENSEARCH },
    'service-key': { scope: SAP },
    'client-id': { scope: SAP },
    'client-secret': { scope: SAP },
    'token-url': { scope: SAP },
    'client-certificate': { scope: SAP },
    'client-key': { scope: SAP },
    package: { scope: SAP },
    exclude: { scope: SAP },
    'skip-unchanged': { scope: SAP, boolean: true },
    'max-parallel': { scope: ALL },
    template: { scope: OPENSEARCH },
    'use-case': { scope: OPENSEARCH },
    parameters: { scope: OPENSEARCH },
    'aws-region': { scope: OPENSEARCH },
    'aws-service': { scope: OPENSEARCH },
    headers: { scope: ALL },
    'ca-certificate': { scope: ALL },
    timeout: { scope: ALL },
    interval: { scope: ALL },
    'max-interval': { scope: ALL },
    backoff: { scope: ALL },
    'request-timeout': { scope: ALL },
    'discovery-timeout': { scope: ALL },
    'stall-timeout': { scope: ALL },
    'allow-degraded': { scope: ALL, boolean: true },
    'fail-on-not-ready': { scope: ALL, boolean: true },
    summary: { scope: ALL, boolean: true },
    'github-token': { scope: GITHUB },
    'pr-comment': { scope: GITHUB, boolean: true },
    'commit-status': { scope: GITHUB },
    environment: { scope: GITHUB },
    'environment-url': { scope: GITHUB },
};


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aQ: () => (/* binding */ OUTPUT),
/* harmony export */   bO: () => (/* binding */ INPUT),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS)
/* harmony export */ });
/** Every input name of action.yml, in one place (SPEC "Inputs"). */
const INPUT = {
    provider: 'provider',
    url: 'url',
    id: 'id',
    deploy: 'deploy',
    version: 'version',
    artifactType: 'artifact-type',
    token: 'token',
    apiKey: 'api-key',
    username: 'username',
    password: 'password',
    serviceKey: 'service-key',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    tokenUrl: 'token-url',
    clientCertificate: 'client-certificate',
    clientKey: 'client-key',
    package: 'package',
    exclude: 'exclude',
    skipUnchanged: 'skip-unchanged',
    maxParallel: 'max-parallel',
    headers: 'headers',
    caCertificate: 'ca-certificate',
    template: 'template',
    useCase: 'use-case',
    parameters: 'parameters',
    awsRegion: 'aws-region',
    awsService: 'aws-service',
    timeout: 'timeout',
    interval: 'interval',
    maxInterval: 'max-interval',
    backoff: 'backoff',
    requestTimeout: 'request-timeout',
    discoveryTimeout: 'discovery-timeout',
    stallTimeout: 'stall-timeout',
    allowDegraded: 'allow-degraded',
    failOnNotReady: 'fail-on-not-ready',
    summary: 'summary',
    githubToken: 'github-token',
    prComment: 'pr-comment',
    commitStatus: 'commit-status',
    environment: 'environment',
    environmentUrl: 'environment-url',
};
/** Inputs whose values are credentials: masked at once, never echoed in an error. */
const SECRET_INPUTS = [
    INPUT.token,
    INPUT.apiKey,
    INPUT.password,
    INPUT.serviceKey,
    INPUT.clientSecret,
    INPUT.clientKey,
    INPUT.githubToken,
    INPUT.parameters,
];
/** Every output name of action.yml (SPEC "Outputs"). */
const OUTPUT = {
    status: 'status',
    ready: 'ready',
    providerStatus: 'provider-status',
    message: 'message',
    progress: 'progress',
    taskId: 'task-id',
    attempts: 'attempts',
    duration: 'duration',
    result: 'result',
    skipped: 'skipped',
    endpoints: 'endpoints',
    workflowId: 'workflow-id',
    resources: 'resources',
};


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   OI: () => (/* binding */ displayEndpoint),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aF: () => (/* binding */ HEADER_VALUE_PROBLEM),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   hG: () => (/* binding */ parseIdList),
/* harmony export */   j3: () => (/* binding */ isHeaderValue),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/** Pure parsers for the kinds of values inputs take. They return undefined (or throw a plain Error) and leave naming the input to the caller. */
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
/** `90` (seconds), `90s`, `5m`, `1h30m`, `250ms` → milliseconds; undefined when not a duration. */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(value))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART))
        total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
    return Math.round(total);
}
/** `2m30s`-style text for messages and reports. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const seconds = Math.round(ms / 100) / 10;
    if (seconds < 60)
        return `${seconds}s`;
    const whole = Math.round(seconds);
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = whole % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('') || '0s';
}
/** The toolkit's YAML 1.2 core booleans. */
const BOOLEANS = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false,
};
function parseBoolean(text) {
    return BOOLEANS[text.trim()];
}
/** Ids separated by newlines or commas; blanks dropped, duplicates removed, order kept. */
function parseIdList(text) {
    const ids = text
        .split(/[\n,]/)
        .map((id) => id.trim())
        .filter((id) => id !== '');
    return [...new Set(ids)];
}
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Headers the HTTP layer owns: letting a user set them breaks requests in confusing ways. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
/** `Name: value` per line. Errors name the line and header, never the value (it may be a secret). */
function parseHeaders(text) {
    const headers = {};
    const lines = text.split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
        if (line.trim() === '')
            continue;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!HEADER_NAME.test(name)) {
            return { error: `line ${index + 1} is not of the form 'Name: value'` };
        }
        if (RESERVED_HEADERS.has(name.toLowerCase())) {
            return { error: `line ${index + 1} sets '${name}', which the action manages itself` };
        }
        const value = line.slice(colon + 1).trim();
        if (!isHeaderValue(value)) {
            return { error: `line ${index + 1} ('${name}') has ${HEADER_VALUE_PROBLEM} in its value` };
        }
        headers[name] = value;
    }
    return { headers };
}
/** What HTTP can carry in a header value: visible Latin-1 text, spaces and tabs (RFC 9110 field-value). */
function isHeaderValue(value) {
    return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && !/[\x7f-\x9f]/.test(value);
}
const HEADER_VALUE_PROBLEM = 'a character HTTP cannot carry (a control character, or one outside Latin-1)';
/** An absolute http(s) URL without credentials in it. */
function parseHttpUrl(text) {
    const value = text.trim();
    const notAbsolute = {
        error: `has value '${shownUrl(value)}'; expected an absolute http(s) URL such as https://host/…`,
    };
    // Without it, `host:9200` would parse as a URL whose scheme is `host:`.
    if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value))
        return notAbsolute;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return notAbsolute;
    }
    if (url.username || url.password) {
        return { error: 'contains credentials: pass them through the token, username/password or api-key inputs' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { error: `uses '${url.protocol}': only http and https URLs are accepted` };
    }
    return { url };
}
/** A URL input as an error message may show it: no userinfo, query or fragment (they may carry secrets). */
function shownUrl(value) {
    const shown = value.replace(/[?#].*$/s, '').replace(/^([^/@]*\/\/)?[^/@]*@/, '$1');
    return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
}
/** A URL as reports may show it: scheme, host and path; no credentials, query or fragment. */
function displayEndpoint(url) {
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '')}`;
}


/***/ }),

/***/ 2257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ messageOf),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** A bad input value: stops the step before any request, naming the input and what is accepted. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
/** What went wrong, in one line, whatever was thrown. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

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

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ withoutFormatCharacters)
/* harmony export */ });
/**
 * Bidi overrides, zero-width characters and other invisible format characters (`\p{Cf}`) let provider
 * text read differently from what it is (`deploy ‮deliaf` shows as "deploy failed" reversed), or split a
 * secret so that redaction no longer finds it. They are removed before provider text is shown or redacted.
 */
function withoutFormatCharacters(text) {
    return text.replace(/\p{Cf}/gu, '');
}


/***/ }),

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ VERDICT_SEVERITY)
/* harmony export */ });
/* unused harmony export TARGET_STATES */
/** The normalized states a provider's status read maps to (SPEC "Normalized status"). */
const TARGET_STATES = (/* unused pure expression or super */ null && ([
    'pending',
    'in_progress',
    'succeeded',
    'degraded',
    'failed',
    'inactive',
    'not_found',
    'unknown',
]));
/** Worst first: the verdict over several targets is the first of these that any target has. */
const VERDICT_SEVERITY = [
    'error',
    'failed',
    'not_found',
    'inactive',
    'timed_out',
    'cancelled',
    'unknown',
    'pending',
    'in_progress',
    'degraded',
    'succeeded',
];


/***/ }),

/***/ 6559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ endsWait),
/* harmony export */   i_: () => (/* binding */ isReady),
/* harmony export */   zP: () => (/* binding */ worstVerdict)
/* harmony export */ });
/* harmony import */ var _core_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3054);

/** The worst of the verdicts by `VERDICT_SEVERITY`; no verdicts at all is `unknown`, never a success. */
function worstVerdict(verdicts) {
    return _core_types_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICT_SEVERITY */ .i.find((verdict) => verdicts.includes(verdict)) ?? 'unknown';
}
function isReady(verdict, allowDegraded) {
    return verdict === 'succeeded' || (verdict === 'degraded' && allowDegraded);
}
const TERMINAL_STATES = new Set(['succeeded', 'failed', 'inactive']);
/**
 * The snapshot ends the wait for its target. `not_found` is not decided here: whether it is final depends
 * on the discovery window, which only the engine knows.
 */
function endsWait(snapshot, allowDegraded) {
    if (snapshot.detailsPending)
        return false;
    if (TERMINAL_STATES.has(snapshot.state))
        return true;
    return snapshot.state === 'degraded' && (allowDegraded || snapshot.final === true);
}


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ HttpError)
/* harmony export */ });
class HttpError extends Error {
    name = 'HttpError';
    kind;
    /** HTTP status, when an answer came */
    status;
    /** a short, redacted excerpt of the body, for the message */
    excerpt;
    /** from `Retry-After`, in milliseconds */
    retryAfterMs;
    constructor(message, options) {
        super(message, { cause: options.cause });
        this.kind = options.kind;
        this.status = options.status;
        this.excerpt = options.excerpt;
        this.retryAfterMs = options.retryAfterMs;
    }
    get transient() {
        return this.kind === 'transient';
    }
}


/***/ }),

/***/ 2398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ bodyTooLargeError),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Ng: () => (/* binding */ describeUrl),
/* harmony export */   w2: () => (/* binding */ timeoutError),
/* harmony export */   x6: () => (/* binding */ networkError)
/* harmony export */ });
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3750);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8549);
/**
 * Messages for requests that got no usable answer. They name the origin and path only: never the
 * query string, userinfo or headers, which may carry credentials.
 */



const MiB = 1024 * 1024;
/** What network failures are, in words; unknown codes are shown as they are. */
const NETWORK_CAUSES = {
    ECONNRESET: 'connection reset',
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed temporarily',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    EPIPE: 'connection closed while sending',
    UND_ERR_SOCKET: 'connection closed by the other side',
    UND_ERR_CLOSED: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
    UND_ERR_BODY_TIMEOUT: 'the body stopped arriving',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body ended before its announced length',
    UND_ERR_INFO: 'the proxy refused the connection',
};
/** A certificate that does not verify will not verify on the next try either. */
const TLS_TRUST_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** `https://host:port/path`, without userinfo and query. */
function describeUrl(url) {
    return `${url.origin}${url.pathname}`;
}
function timeoutError(url, timeoutMs) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${describeUrl(url)} timed out after ${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)}`, {
        kind: 'transient',
    });
}
function bodyTooLargeError(url, status, maxBodyBytes) {
    const limit = maxBodyBytes >= MiB ? `${Math.round((maxBodyBytes / MiB) * 100) / 100} MiB` : `${maxBodyBytes} bytes`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`response body exceeds ${limit} (from ${describeUrl(url)})`, {
        kind: 'permanent',
        status,
    });
}
/** A request that failed below HTTP: transient, except an untrusted certificate or a request undici refuses. */
function networkError(url, error) {
    const code = errorCode(error);
    const where = describeUrl(url);
    if (code && TLS_TRUST_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${where} failed: the TLS certificate is not trusted (${code}) — set ca-certificate when the server uses a private CA`, { kind: 'permanent', cause: error });
    }
    if (code === 'UND_ERR_INVALID_ARG') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${where} could not be sent: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .b)(error)}`, {
            kind: 'permanent',
            cause: error,
        });
    }
    const proxyStatus = proxyAnswerStatus(error);
    if (proxyStatus === 407) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${where} failed: the proxy wants credentials (HTTP 407) — put them in the proxy URL (HTTPS_PROXY=http://user:password@proxy:port)`, { kind: 'permanent', cause: error });
    }
    if (proxyStatus !== undefined) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${where} failed: the proxy refused the connection (HTTP ${proxyStatus})`, {
            kind: 'transient',
            cause: error,
        });
    }
    const cause = (code && NETWORK_CAUSES[code]) ?? code ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .b)(error);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j(`request to ${where} failed: ${cause}`, { kind: 'transient', cause: error });
}
/** undici's tunnel error says what the proxy answered only in its message: `Proxy response (407) !== 200 …`. */
function proxyAnswerStatus(error) {
    for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
        const status = /Proxy response \((\d{3})\)/.exec(current.message)?.[1];
        if (status)
            return Number(status);
        current = current.cause;
    }
    return undefined;
}
/** The innermost code along the `cause` chain: undici wraps socket errors in its own. */
function errorCode(error) {
    let found;
    for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
        const { code } = current;
        if (typeof code === 'string')
            found = code;
        current = current.cause;
    }
    return found;
}


/***/ }),

/***/ 5714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ basicCredentials),
/* harmony export */   Dv: () => (/* binding */ bearerAuthorization),
/* harmony export */   FO: () => (/* binding */ basicOrBearer),
/* harmony export */   aR: () => (/* binding */ basicAuthorization),
/* harmony export */   gp: () => (/* binding */ basicCredential)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4389);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/** `user:password` in base64, as Basic auth sends it: a secret of its own. */
const basicCredential = (username, password) => Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
const basicAuthorization = (username, password) => `Basic ${basicCredential(username, password)}`;
const bearerAuthorization = (token) => `Bearer ${token}`;
/** `username` and `password` as a pair; one without the other is an input error, not anonymous access. */
function basicCredentials(credentials) {
    const { username, password } = credentials;
    if (username === undefined && password === undefined)
        return undefined;
    if (username === undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.username, `Input '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.username}' is required when '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.password}' is set.`);
    }
    if (password === undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.password, `Input '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.password}' is required when '${_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT */ .bO.username}' is set.`);
    }
    return { username, password };
}
/** HTTP Basic when a username and password are given, else a bearer token, else nothing (open clusters). */
function basicOrBearer(credentials) {
    const basic = basicCredentials(credentials);
    if (basic)
        return { authorization: basicAuthorization(basic.username, basic.password) };
    if (credentials.token !== undefined)
        return { authorization: bearerAuthorization(credentials.token) };
    return {};
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EC: () => (/* binding */ preformatted),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   Ku: () => (/* binding */ firstOf),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   YI: () => (/* binding */ compactTable),
/* harmony export */   g0: () => (/* binding */ moreLine),
/* harmony export */   g1: () => (/* binding */ lastOf),
/* harmony export */   hr: () => (/* binding */ progressBar),
/* harmony export */   ln: () => (/* binding */ inlineText),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports escapeHtml, defuseMentions */
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2020);
/**
 * Turning provider text into markdown that renders as the text it is. Provider strings come
 * from systems we do not control: they may hold HTML, table breakers, newlines, comment
 * openers or @mentions, and must neither break the layout nor ping anyone.
 */

const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Newlines, tabs and other control characters would end a table row or a heading; format characters are invisible. */
function oneLine(text) {
    return (0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutFormatCharacters */ .K)(text)
        .replace(/[\s\p{Cc}]+/gu, ' ')
        .trim();
}
/** At most `max` characters, the cut marked with "…". */
function cut(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
}
/**
 * A zero-width space after `@` keeps `@user` and `@org/team` readable but stops GitHub from
 * notifying them; after `#` it stops `#12` from cross-referencing issue 12.
 */
function defuseMentions(text) {
    return text.replace(/@(?=[\w-])/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b');
}
/** An `_` between two letters or digits never starts emphasis: `snake_case` ids stay as they are. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/**
 * Provider text for an inline markdown context (a table cell, a heading, a list item): one
 * line, at most `max` characters, HTML and markdown syntax shown literally.
 */
function inlineText(text, max = 300) {
    const escaped = escapeHtml(cut(oneLine(text), max))
        .replace(/[\\`*[\]|~]/g, (char) => `\\${char}`)
        .replace(EMPHASIS_UNDERSCORE, '\\_');
    return defuseMentions(escaped);
}
/** Provider text as code inside inline markdown; `<code>` rather than backticks, which the text may contain. */
function inlineCode(text, max = 120) {
    return text === '' ? '' : `<code>${inlineText(text, max)}</code>`;
}
/** Lines for a `<pre>` block: GitHub renders its content as HTML, so escaping HTML is enough. */
function preformatted(lines) {
    return `<pre>${defuseMentions(escapeHtml((0,_core_text_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutFormatCharacters */ .K)(lines.join('\n'))))}</pre>`;
}
/** The first `max` items, and how many were left out. */
function firstOf(items, max) {
    return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
/** The last `max` items (log tails), and how many came before. */
function lastOf(items, max) {
    return { shown: items.slice(Math.max(0, items.length - max)), omitted: Math.max(0, items.length - max) };
}
function moreLine(omitted, what) {
    return omitted > 0 ? `… ${omitted} more ${what}` : '';
}
const BAR_CELLS = 10;
/** `▰▰▰▰▱▱▱▱▱▱ 40%`; empty when the provider gives no progress. */
function progressBar(progress) {
    if (progress === undefined || !Number.isFinite(progress))
        return '';
    const percent = Math.min(100, Math.max(0, Math.round(progress)));
    const filled = Math.round((percent / 100) * BAR_CELLS);
    return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${percent}%`;
}
/** A markdown table; cells must already be escaped. */
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** A table without the columns that are empty in every row (the first column always stays). */
function compactTable(header, rows) {
    const kept = header.map((_, column) => column === 0 || rows.some((row) => (row[column] ?? '') !== ''));
    const pick = (cells) => cells.filter((_, column) => kept[column]);
    return table(pick(header), rows.map(pick));
}
/** A collapsible section; the blank lines let GitHub render markdown inside it. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** Plain-text form of a count: `1 read`, `2 reads`. */
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}


/***/ }),

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ganttChart)
/* harmony export */ });
/* unused harmony export MAX_GANTT_TARGETS */
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3750);
/**
 * The timeline as a picture: a Mermaid `gantt` chart (GitHub draws Mermaid in job summaries and
 * comments), one row per target, one bar per state it was seen in, the final state as a marker.
 */

/** More rows (or bars) than this are not legible in a summary's width: the table is shown instead. */
const MAX_GANTT_TARGETS = 12;
const MAX_GANTT_BARS = 60;
const TAG = {
    in_progress: 'active',
    succeeded: 'done',
    degraded: 'done',
    failed: 'crit',
    error: 'crit',
    not_found: 'crit',
    inactive: 'crit',
    timed_out: 'crit',
};
/** Empty when there is nothing to draw or too much to draw legibly. */
function ganttChart(result) {
    const drawn = result.targets.filter((target) => target.timeline.length > 0);
    const bars = drawn.reduce((sum, target) => sum + target.timeline.length, 0);
    if (drawn.length === 0 || result.targets.length > MAX_GANTT_TARGETS || bars > MAX_GANTT_BARS)
        return '';
    let taskNumber = 0;
    const rows = drawn.flatMap((target) => [
        `  section ${label(target.id)}`,
        ...barsOf(target).map((bar) => `  ${bar.name} :${[...bar.tags, `t${++taskNumber}`, bar.fromMs, bar.toMs].join(', ')}`),
    ]);
    // Elapsed time as epoch milliseconds: the axis reads minutes and seconds from the start of the run.
    const axis = result.durationMs >= 3_600_000 ? '%H:%M:%S' : result.durationMs >= 10_000 ? '%M:%S' : '%S.%L';
    return ['```mermaid', 'gantt', '  dateFormat x', `  axisFormat ${axis}`, '  todayMarker off', ...rows, '```'].join('\n');
}
function barsOf(target) {
    const endMs = Math.max(target.durationMs, target.timeline.at(-1)?.atMs ?? 0);
    return target.timeline.map((change, index) => {
        const toMs = target.timeline[index + 1]?.atMs ?? endMs;
        const last = index === target.timeline.length - 1;
        const word = change.providerStatus && change.providerStatus !== change.state ? ` ${change.providerStatus}` : '';
        const tag = TAG[change.state];
        // The state a target ended in has no length worth drawing: a marker where it was reached.
        if (last && change.state === target.verdict) {
            return {
                name: label(`${change.state}${word}`),
                tags: [...(tag ? [tag] : []), 'milestone'],
                fromMs: change.atMs,
                toMs: change.atMs,
            };
        }
        const name = label(`${change.state}${word} ${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(toMs - change.atMs)}`);
        return { name, tags: tag ? [tag] : [], fromMs: change.atMs, toMs };
    });
}
/**
 * Text Mermaid reads as a name and nothing else: `:` starts a task's data, `#` and `;` are syntax,
 * `%%` a comment, and a backtick could close the code block.
 */
function label(text) {
    const safe = text
        .replace(/[^\p{L}\p{N} _./()+-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe || '-';
}


/***/ }),

/***/ 4003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ skippedLine),
/* harmony export */   PD: () => (/* binding */ endpointsCell),
/* harmony export */   nT: () => (/* binding */ deployOrderSection)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);

const MAX_IDS = 20;
const MAX_ENDPOINTS_IN_CELL = 3;
/** `2 artifacts unchanged (that version already started), not deployed again: a, b`; empty when none was skipped. */
function skippedLine(result) {
    const skipped = result.targets.filter((target) => target.skipped).map((target) => target.id);
    if (skipped.length === 0)
        return '';
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(skipped.length, 'artifact')} unchanged (that version already started), not deployed again: ${idList(skipped)}`;
}
/** The stages of a staged deploy, in the order they ran; empty without stages. */
function deployOrderSection(result) {
    if (!result.deployOrder || result.deployOrder.length < 2)
        return '';
    const steps = result.deployOrder.map((stage, index) => `${index + 1}. ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineText */ .ln)(stage.name)} (${stage.targets.length}): ${idList(stage.targets)}`);
    return `### Deploy order\n\nEach group was followed to its end before the next was deployed.\n\n${steps.join('\n')}`;
}
/** A flow's endpoint URLs for its row of the verdict table: a few, then how many more the output has. */
function endpointsCell(urls) {
    const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOf */ .Ku)(urls ?? [], MAX_ENDPOINTS_IN_CELL);
    const more = omitted > 0 ? ` … ${omitted} more in output \`endpoints\`` : '';
    return shown.map((url) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(url, 300)).join('<br>') + more;
}
/** `<code>a</code>, <code>b</code> … 3 more` */
function idList(ids) {
    const { shown, omitted } = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .firstOf */ .Ku)(ids, MAX_IDS);
    return shown.map((id) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(id)).join(', ') + (omitted > 0 ? ` … ${omitted} more` : '');
}


/***/ }),

/***/ 6175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ redactResult)
/* harmony export */ });
/**
 * The result with `redact` applied to every provider string. Reports escape provider text
 * (`_` → `\_`, `"` → `\"`…), after which a secret no longer matches itself; redacting the raw
 * strings first keeps a secret the provider echoed back out of every report.
 */
function redactResult(result, redact) {
    const target = (t) => ({
        ...t,
        id: redact(t.id),
        providerStatus: redact(t.providerStatus),
        message: redact(t.message),
        snapshot: t.snapshot && snapshot(t.snapshot),
        taskId: t.taskId && redact(t.taskId),
        timeline: t.timeline.map((change) => ({ ...change, providerStatus: redact(change.providerStatus) })),
    });
    const snapshot = (s) => ({
        ...s,
        providerStatus: redact(s.providerStatus),
        message: redact(s.message),
        components: s.components?.map(component),
        logs: s.logs?.map(logLine),
        startedAt: s.startedAt && redact(s.startedAt),
        completedAt: s.completedAt && redact(s.completedAt),
    });
    const component = (c) => ({
        ...c,
        name: redact(c.name),
        kind: redact(c.kind),
        providerStatus: c.providerStatus && redact(c.providerStatus),
        message: c.message && redact(c.message),
        details: c.details && Object.fromEntries(Object.entries(c.details).map(([name, value]) => [name, redact(value)])),
    });
    const logLine = (line) => ({
        time: line.time && redact(line.time),
        level: line.level && redact(line.level),
        message: redact(line.message),
    });
    return {
        ...result,
        message: redact(result.message),
        decidingTarget: result.decidingTarget && redact(result.decidingTarget),
        targets: result.targets.map(target),
        ...(result.endpoints && {
            endpoints: Object.fromEntries(Object.entries(result.endpoints).map(([flow, urls]) => [redact(flow), urls.map(redact)])),
        }),
        ...(result.deployOrder && {
            deployOrder: result.deployOrder.map((stage) => ({ ...stage, targets: stage.targets.map(redact) })),
        }),
    };
}


/***/ }),

/***/ 3844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X$: () => (/* binding */ pollingFigures),
/* harmony export */   fh: () => (/* binding */ TABLE_MESSAGE_CHARS),
/* harmony export */   iY: () => (/* binding */ targetTable),
/* harmony export */   rv: () => (/* binding */ deployedWhat)
/* harmony export */ });
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3750);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);
/* harmony import */ var _package_sections_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4003);
/* harmony import */ var _time_left_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5195);
/* harmony import */ var _verdicts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9910);





const TARGET_NOUN = {
    'sap-cloud-integration': 'artifact',
    'opensearch-flow-framework': 'workflow',
    'nl-flow': 'workflow',
    installer: 'deploy session',
};
const MAX_IDS_IN_HEADLINE = 5;
/** `opensearch-flow-framework at https://host:9200 · workflow wf-1 · deploy triggered` */
function deployedWhat(info) {
    const parts = [`<b>${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(info.provider)}</b>`];
    if (info.endpoint)
        parts[0] += ` at ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(info.endpoint, 200)}`;
    if (info.ids.length > 0) {
        const noun = TARGET_NOUN[info.provider] + (info.ids.length === 1 ? '' : 's');
        const shown = info.ids.slice(0, MAX_IDS_IN_HEADLINE).map((id) => (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(id));
        const more = info.ids.length > MAX_IDS_IN_HEADLINE ? ` … ${info.ids.length - MAX_IDS_IN_HEADLINE} more` : '';
        parts.push(`${noun} ${shown.join(', ')}${more}`);
    }
    if (info.version)
        parts.push(`version ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(info.version)}`);
    parts.push(info.deploy ? 'deploy triggered by this step' : 'waiting for a deploy started elsewhere');
    return parts.join(' · ');
}
const MAX_TABLE_ROWS = 30;
/** A message longer than this is cut in the table; its full text is then kept in the details. */
const TABLE_MESSAGE_CHARS = 240;
/**
 * One row per target (the worst when there are many): state, provider status, progress, duration,
 * message, endpoints (SAP flows); a column no target has anything for is left out.
 */
function targetTable(result, maxRows = MAX_TABLE_ROWS) {
    const { shown, hidden } = (0,_verdicts_js__WEBPACK_IMPORTED_MODULE_3__/* .targetsToShow */ .hw)(result.targets, maxRows);
    const rows = shown.map((target) => [
        (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(target.id),
        (0,_verdicts_js__WEBPACK_IMPORTED_MODULE_3__/* .markedVerdict */ .qn)(target.verdict),
        (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(target.providerStatus, 80),
        [(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .progressBar */ .hr)(target.snapshot?.progress), (0,_time_left_js__WEBPACK_IMPORTED_MODULE_4__/* .timeLeft */ .f)(target.estimatedRemainingMs)].filter(Boolean).join(' · '),
        (0,_config_values_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(target.durationMs),
        (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(target.message, TABLE_MESSAGE_CHARS),
        (0,_package_sections_js__WEBPACK_IMPORTED_MODULE_2__/* .endpointsCell */ .PD)(result.endpoints?.[target.id]),
    ]);
    const more = (0,_verdicts_js__WEBPACK_IMPORTED_MODULE_3__/* .hiddenTargetsLine */ .rc)(hidden);
    const header = ['Target', 'State', 'Provider status', 'Progress', 'Duration', 'Message', 'Endpoints'];
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .compactTable */ .YI)(header, rows) + (more ? `\n\n${more}` : '');
}
/** `12 status reads · 1 transient error retried · 42.0s` */
function pollingFigures(result) {
    const retried = `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(result.transientErrors, 'transient error')} retried`;
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(result.attempts, 'status read')} · ${retried} · ${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.durationMs)}`;
}


/***/ }),

/***/ 5195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ timeLeft)
/* harmony export */ });
/**
 * `about 40 s left`: a progress estimate as a person reads it, rounded as coarsely as an estimate deserves
 * (whole seconds under 10 s, 5 s steps under a minute, then minutes); empty without an estimate.
 */
function timeLeft(remainingMs) {
    if (remainingMs === undefined || !Number.isFinite(remainingMs) || remainingMs < 0)
        return '';
    const seconds = remainingMs / 1000;
    if (seconds < 10)
        return `about ${Math.max(1, Math.round(seconds))} s left`;
    if (seconds < 57.5)
        return `about ${Math.round(seconds / 5) * 5} s left`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60)
        return `about ${minutes} min left`;
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `about ${hours} h${rest ? ` ${rest} min` : ''} left`;
}


/***/ }),

/***/ 9910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   hw: () => (/* binding */ targetsToShow),
/* harmony export */   md: () => (/* binding */ worstFirst),
/* harmony export */   qn: () => (/* binding */ markedVerdict),
/* harmony export */   rc: () => (/* binding */ hiddenTargetsLine)
/* harmony export */ });
/* unused harmony export VERDICT_MARK */
/* harmony import */ var _core_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3054);
/* harmony import */ var _engine_verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6559);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);



/** One mark per state, so a reader sees at a glance what went well and what did not. */
const VERDICT_MARK = {
    succeeded: '✅',
    degraded: '🟡',
    in_progress: '🔄',
    pending: '⏳',
    unknown: '❔',
    cancelled: '🚫',
    timed_out: '⌛',
    inactive: '⏸️',
    not_found: '🔍',
    failed: '❌',
    error: '💥',
};
/** `✅ succeeded` */
function markedVerdict(verdict) {
    return `${VERDICT_MARK[verdict]} ${verdict}`;
}
const VERDICT_TITLE = {
    succeeded: 'Deploy ready',
    degraded: 'Deploy degraded',
    in_progress: 'Deploy still in progress',
    pending: 'Deploy not started',
    unknown: 'Deploy status unknown',
    cancelled: 'Wait cancelled',
    timed_out: 'Deploy timed out',
    inactive: 'Deploy inactive',
    not_found: 'Deploy not found',
    failed: 'Deploy failed',
    error: 'Deploy could not be checked',
};
/** `✅ Deploy ready`; a degraded run says whether it counted as ready. */
function verdictTitle(result) {
    const title = VERDICT_TITLE[result.verdict];
    const readiness = result.verdict === 'degraded' ? (result.ready ? ' (accepted: allow-degraded)' : ' — not ready') : '';
    return `${VERDICT_MARK[result.verdict]} ${title}${readiness}`;
}
const MAX_NAMED_IN_HEADLINE = 8;
/** `❌ Deploy failed: Order_Sync, Billing_Sync (timed_out)`: the title, and every target that is not ready. */
function headline(result, allowDegraded) {
    const notReady = worstFirst(result.targets.filter((target) => !(0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .isReady */ .i_)(target.verdict, allowDegraded)));
    if (notReady.length === 0)
        return verdictTitle(result);
    const named = notReady.slice(0, MAX_NAMED_IN_HEADLINE).map((target) => {
        const own = target.verdict === result.verdict ? '' : ` (${target.verdict})`;
        return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(target.id, 60)}${own}`;
    });
    const more = notReady.length > named.length ? ` … ${notReady.length - named.length} more` : '';
    return `${verdictTitle(result)}: ${named.join(', ')}${more}`;
}
/** Worst first, input order among equals: the targets a cut list must still show. */
function worstFirst(targets) {
    const rank = (target) => _core_types_js__WEBPACK_IMPORTED_MODULE_2__/* .VERDICT_SEVERITY */ .i.indexOf(target.verdict);
    return targets
        .map((target, index) => ({ target, index }))
        .sort((a, b) => rank(a.target) - rank(b.target) || a.index - b.index)
        .map(({ target }) => target);
}
/** The `max` targets that matter most (the worst), in their input order. */
function targetsToShow(targets, max) {
    if (targets.length <= max)
        return { shown: [...targets], hidden: [] };
    const kept = new Set(worstFirst(targets).slice(0, max));
    return { shown: targets.filter((t) => kept.has(t)), hidden: targets.filter((t) => !kept.has(t)) };
}
/** `… 20 more targets: 19 succeeded, 1 degraded` */
function hiddenTargetsLine(hidden) {
    if (hidden.length === 0)
        return '';
    const counts = new Map();
    for (const target of hidden)
        counts.set(target.verdict, (counts.get(target.verdict) ?? 0) + 1);
    const parts = _core_types_js__WEBPACK_IMPORTED_MODULE_2__/* .VERDICT_SEVERITY */ .i.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`);
    return `… ${hidden.length} more ${hidden.length === 1 ? 'target' : 'targets'}: ${parts.join(', ')}`;
}


/***/ })

};
