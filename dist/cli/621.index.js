export const id = 621;
export const ids = [621];
export const modules = {

/***/ 6621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGithubReporter: () => (/* reexport */ createGithubReporter),
  readGithubRunContext: () => (/* reexport */ readGithubRunContext)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/report/github/context.ts
/** Where the run happens, read once from the runner's environment and the event payload. */

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function readGithubRunContext(env, readEventFile) {
    const problems = [];
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runId = env.GITHUB_RUN_ID ?? '';
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    let pullRequest;
    if (PULL_REQUEST_EVENTS.has(eventName)) {
        const read = readPayload(env.GITHUB_EVENT_PATH, readEventFile);
        if ('problem' in read)
            problems.push(read.problem);
        else
            pullRequest = pullRequestIn(read.payload, env.GITHUB_REPOSITORY ?? '');
        if (!pullRequest && !('problem' in read))
            problems.push(`the ${eventName} event payload has no pull_request`);
    }
    return {
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        owner,
        repo,
        eventName,
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        job: env.GITHUB_JOB ?? '',
        runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '',
        pullRequest,
        problems,
    };
}
function readPayload(path, readEventFile) {
    if (!path)
        return { problem: 'GITHUB_EVENT_PATH is not set' };
    try {
        return { payload: JSON.parse(readEventFile(path)) };
    }
    catch (error) {
        return { problem: `could not read the event payload: ${(0,errors/* messageOf */.b)(error)}` };
    }
}
function pullRequestIn(payload, repository) {
    const pr = field(payload, 'pull_request');
    const number = field(pr, 'number');
    const head = field(pr, 'head');
    const headSha = field(head, 'sha');
    const headRef = field(head, 'ref');
    if (typeof number !== 'number' || typeof headSha !== 'string')
        return undefined;
    const headRepository = field(field(head, 'repo'), 'full_name');
    return {
        number,
        headSha,
        headRef: typeof headRef === 'string' ? headRef : '',
        fromFork: typeof headRepository === 'string' && headRepository.toLowerCase() !== repository.toLowerCase(),
    };
}
function field(value, name) {
    return value !== null && typeof value === 'object' ? value[name] : undefined;
}

// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/report/redact-result.ts
var redact_result = __webpack_require__(6175);
;// CONCATENATED MODULE: ./src/report/github/failures.ts
/** Reading GitHub API failures: whether to try again, and what to tell the user. */
const MAX_RETRIES = 2;
/** Reporting runs after the verdict: a longer wait would hold the job for a comment (its 15 s bound cuts any wait anyway). */
const MAX_RETRY_WAIT_MS = 10_000;
const BASE_RETRY_MS = 1_000;
function asFailure(error) {
    return error !== null && typeof error === 'object' ? error : { message: String(error) };
}
function header(failure, name) {
    const value = failure.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
function isRateLimited(error) {
    const failure = asFailure(error);
    if (failure.status === 429)
        return true;
    return failure.status === 403 && (header(failure, 'x-ratelimit-remaining') === '0' || isSecondaryRateLimit(failure));
}
/**
 * GitHub's secondary rate limit (too many requests at once, or too much content created): a 403 with
 * `Retry-After` or saying so, while the primary limit still has requests left. Not a missing permission.
 */
function isSecondaryRateLimit(failure) {
    return header(failure, 'retry-after') !== undefined || /secondary rate limit/i.test(failure.message ?? '');
}
/**
 * How long to wait before retry number `retry` (1-based), or undefined to give up: only
 * server errors and rate limits are retried, at most twice, and never for long.
 */
function retryDelayMs(error, retry, nowMs) {
    if (retry > MAX_RETRIES)
        return undefined;
    const failure = asFailure(error);
    const serverError = failure.status !== undefined && failure.status >= 500;
    if (!serverError && !isRateLimited(error))
        return undefined;
    const wait = announcedWaitMs(failure, nowMs) ?? BASE_RETRY_MS * 2 ** (retry - 1);
    return wait <= MAX_RETRY_WAIT_MS ? wait : undefined;
}
/** `retry-after` (seconds), else for a rate limit the `x-ratelimit-reset` epoch second. */
function announcedWaitMs(failure, nowMs) {
    const retryAfter = Number(header(failure, 'retry-after'));
    if (header(failure, 'retry-after') !== undefined && Number.isFinite(retryAfter))
        return Math.max(0, retryAfter * 1000);
    const reset = Number(header(failure, 'x-ratelimit-reset'));
    if (isRateLimited(failure) && header(failure, 'x-ratelimit-reset') !== undefined && Number.isFinite(reset)) {
        return Math.max(0, reset * 1000 - nowMs);
    }
    return undefined;
}
/**
 * `Could not create the commit status: HTTP 403 Resource not accessible by integration — the
 * workflow needs "permissions: statuses: write"…`. Never says more than GitHub said.
 */
function describeFailure(what, error, permission) {
    const failure = asFailure(error);
    const said = firstLine(failure.message ?? 'unknown error');
    const status = failure.status ? `HTTP ${failure.status} ` : '';
    const base = `Could not ${what}: ${status}${said}`;
    if (isRateLimited(error)) {
        return `${base} — GitHub's API rate limit held the request back (retried while the reporting bound allowed); the step's verdict is unchanged.`;
    }
    if (failure.status === 403 || failure.status === 404) {
        return (`${base} — the workflow needs \`permissions: ${permission}\` for the github-token ` +
            `(pull requests from forks only get a read-only token); the step's verdict is unchanged.`);
    }
    return `${base}; the step's verdict is unchanged.`;
}
function firstLine(text) {
    return (text.split('\n')[0] ?? '').trim().slice(0, 300);
}

;// CONCATENATED MODULE: ./src/report/github/api.ts

/** One request must not hold the job: GitHub answers these in well under a second. */
const REQUEST_TIMEOUT_MS = 10_000;
const COMMENTS_PER_PAGE = 100;
/** 5,000 comments: a PR with more is read no further (a new sticky comment is written then). */
const MAX_COMMENT_PAGES = 50;
/** Loads @actions/github only here, so a run without GitHub reporting never loads it. */
async function connectGithub(token, apiUrl, sleep) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: apiUrl });
    const request = (signal) => ({
        signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    const call = (signal, send) => withRetry(send, sleep, signal);
    return {
        async createCommitStatus(status, signal) {
            await call(signal, () => octokit.rest.repos.createCommitStatus({ ...status, request: request(signal) }));
        },
        async createDeployment(deployment, signal) {
            const { data } = await call(signal, () => octokit.rest.repos.createDeployment({ ...deployment, request: request(signal) }));
            // 202 means GitHub merged the default branch first instead of creating it (auto_merge is off, but be sure).
            if (!('id' in data))
                throw new Error(`no deployment created: ${data.message ?? 'GitHub answered without an id'}`);
            return data.id;
        },
        async createDeploymentStatus(status, signal) {
            await call(signal, () => octokit.rest.repos.createDeploymentStatus({ ...status, request: request(signal) }));
        },
        async pullRequestsOfCommit(repo, sha, signal) {
            const { data } = await call(signal, () => octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, request: request(signal) }));
            return data;
        },
        // Page by page rather than with octokit.paginate, which drops the request's signal: each page can be aborted.
        async issueComments(repo, issueNumber, signal) {
            const comments = [];
            for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
                const { data, headers } = await call(signal, () => octokit.rest.issues.listComments({
                    ...repo,
                    issue_number: issueNumber,
                    per_page: COMMENTS_PER_PAGE,
                    page,
                    request: request(signal),
                }));
                comments.push(...data);
                if (!/\brel="next"/.test(headers.link ?? '') || data.length === 0)
                    break;
            }
            return comments;
        },
        async createComment(repo, issueNumber, body, signal) {
            await call(signal, () => octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body, request: request(signal) }));
        },
        async updateComment(repo, commentId, body, signal) {
            await call(signal, () => octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body, request: request(signal) }));
        },
    };
}
async function withRetry(send, sleep, signal) {
    for (let retry = 1;; retry++) {
        try {
            return await send();
        }
        catch (error) {
            const waitMs = signal.aborted ? undefined : retryDelayMs(error, retry, Date.now());
            if (waitMs === undefined)
                throw error;
            await sleep(waitMs, signal);
        }
    }
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/sections.ts
var sections = __webpack_require__(3844);
// EXTERNAL MODULE: ./src/report/verdicts.ts
var verdicts = __webpack_require__(9910);
// EXTERNAL MODULE: ./src/report/gantt.ts
var gantt = __webpack_require__(4200);
;// CONCATENATED MODULE: ./src/report/github/comment.ts




/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT_CHARS = 60_000;
const TABLE_ROWS = [30, 10, 3];
function buildPrComment(result, info, context, marker) {
    for (const rows of TABLE_ROWS) {
        const body = commentBody(result, info, context, marker, rows);
        if (body.length <= MAX_COMMENT_CHARS)
            return body;
    }
    return commentBody(result, info, context, marker, 0);
}
function commentBody(result, info, context, marker, rows) {
    const run = context.runUrl ? `[workflow run](${context.runUrl})` : 'workflow run';
    const job = context.job ? ` · job ${(0,format/* inlineCode */.ti)(context.job)}` : '';
    const footer = `<sub>${(0,sections/* pollingFigures */.X$)(result)} · ${run}${job} · started ${result.startedAt.toISOString()}</sub>`;
    const parts = [
        marker,
        `### ${(0,verdicts/* headline */.Pl)(result, info.allowDegraded)}`,
        info.endpoint || info.ids.length > 0 ? (0,sections/* deployedWhat */.rv)(info) : '',
        result.targets.length === 0 && result.message ? `> ${(0,format/* inlineText */.ln)(result.message, 500)}` : '',
        result.targets.length > 0 && rows > 0 ? (0,sections/* targetTable */.iY)(result, rows) : '',
        rows === TABLE_ROWS[0] ? (0,gantt/* ganttChart */.$)(result) : '',
        footer,
    ];
    return parts.filter(Boolean).join('\n\n') + '\n';
}
/**
 * The comment this action wrote before for the same key: its body starts with the marker
 * (a reply quoting it starts with `>`, and is left alone).
 */
function findStickyComment(comments, marker) {
    return comments.find((comment) => comment.body?.startsWith(marker))?.id;
}
/** For a push: the open pull request whose head is this commit, else any open one containing it. */
function pickPullRequest(pulls, sha) {
    const open = pulls.filter((pull) => pull.state === undefined || pull.state === 'open');
    return (open.find((pull) => pull.head?.sha === sha) ?? open[0])?.number;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/github/marker.ts
/** The hidden marker that finds this step's sticky PR comment again on the next run. */

/** Longer id lists go into the marker as a digest: a PR comment must stay under 65,536 characters. */
const MAX_READABLE_IDS = 100;
/**
 * `<!-- await-deploy:nl-flow:wf-1,wf-2:deploy:3f2a9c0e1b7d4a65 -->`: one comment per provider, targets, job and
 * place — the last part is a digest of the endpoint (`url`) and `environment`, so two steps of one job that
 * watch the same id on different clusters keep separate comments. Percent-encoding keeps ids from closing the
 * comment early (`-->` cannot survive it) and from colliding with the separators.
 */
function stickyMarker(info, context, environment = '') {
    const ids = encodeURIComponent(info.ids.join(','));
    const key = [
        encodeURIComponent(info.provider),
        ids.length <= MAX_READABLE_IDS ? ids : `ids-${digest(info.ids)}`,
        encodeURIComponent(context.job),
        digest([info.endpoint, environment]),
    ];
    return `<!-- await-deploy:${key.join(':')} -->`;
}
function digest(parts) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(3750);
;// CONCATENATED MODULE: ./src/report/github/environment-url.ts

/**
 * SAP: without `environment-url`, the Deployment links to the endpoint of the run's one integration flow —
 * only when exactly one flow has exactly one endpoint; with more there is no right choice.
 */
function defaultEnvironmentUrl(result) {
    const lists = Object.values(result?.endpoints ?? {});
    const only = lists.length === 1 && lists[0]?.length === 1 ? lists[0][0] : undefined;
    return only !== undefined && !('error' in (0,values/* parseHttpUrl */.f$)(only)) ? only : undefined;
}

;// CONCATENATED MODULE: ./src/report/github/plan.ts


/** GitHub rejects longer commit status and deployment descriptions. */
const MAX_DESCRIPTION = 140;
/** The commit a reader looks at: the PR's head commit, not the merge commit GITHUB_SHA points to. */
function commitSha(context) {
    return context.pullRequest?.headSha || context.sha;
}
/** `result` undefined: the wait is starting. */
function planCommitStatus(result, context, settings, info) {
    if (!settings.commitStatus)
        return undefined;
    return {
        owner: context.owner,
        repo: context.repo,
        sha: commitSha(context),
        state: result ? commitState(result) : 'pending',
        context: settings.commitStatus,
        description: result ? verdictDescription(result) : waitingDescription(info),
        ...(context.runUrl ? { target_url: context.runUrl } : {}),
    };
}
/** Branch protection reads `error` as "could not tell", `failure` as "the deploy is not good". */
function commitState(result) {
    if (result.ready)
        return 'success';
    return result.verdict === 'error' || result.verdict === 'cancelled' ? 'error' : 'failure';
}
/**
 * The PR's head branch for a same-repository PR (a readable name in the Deployments list);
 * its head commit for a fork, whose branch does not exist here; else the run's ref or commit.
 */
function deploymentRef(context) {
    const pr = context.pullRequest;
    if (pr)
        return pr.fromFork || !pr.headRef ? pr.headSha : pr.headRef;
    return context.ref || context.sha;
}
function planDeployment(context, settings, info) {
    if (!settings.environment)
        return undefined;
    return {
        owner: context.owner,
        repo: context.repo,
        ref: deploymentRef(context),
        environment: settings.environment,
        description: describe(`await-deploy: ${info.provider} ${info.ids.join(', ')}`),
        required_contexts: [],
        auto_merge: false,
    };
}
function deploymentState(result) {
    if (result.ready)
        return 'success';
    if (result.verdict === 'cancelled')
        return 'inactive';
    return result.verdict === 'error' ? 'error' : 'failure';
}
/** `result` undefined: the wait is starting. */
function planDeploymentStatus(result, deploymentId, context, settings, info) {
    return {
        owner: context.owner,
        repo: context.repo,
        deployment_id: deploymentId,
        state: result ? deploymentState(result) : 'in_progress',
        description: result ? verdictDescription(result) : waitingDescription(info),
        ...(context.runUrl ? { log_url: context.runUrl } : {}),
        ...withEnvironmentUrl(settings.environmentUrl ?? defaultEnvironmentUrl(result)),
    };
}
const withEnvironmentUrl = (url) => url ? { environment_url: url } : {};
function waitingDescription(info) {
    return describe(`Waiting for ${info.provider}: ${info.ids.join(', ') || 'deploy'}`);
}
/** `failed: workflow wf-1 failed: invalid credential` */
function verdictDescription(result) {
    return describe(`${result.verdict}: ${result.message}`);
}
function describe(text) {
    return (0,format/* cut */.Jj)((0,format/* oneLine */.TN)(text), MAX_DESCRIPTION - 1);
}

;// CONCATENATED MODULE: ./src/report/github/reporter.ts







const NEVER = new AbortController().signal;
const PERMISSION = {
    status: 'statuses: write',
    deployment: 'deployments: write',
    comment: 'pull-requests: write',
    findPullRequest: 'pull-requests: read',
};
function createGithubReporter(options) {
    const { settings, context, info, log, redact } = options;
    const repo = { owner: context.owner, repo: context.repo };
    // A retry's wait ends with the call's signal too: nothing about GitHub may keep the process alive after the step is done.
    const sleep = (ms, signal) => clock/* systemClock */.m.sleep(ms, signal);
    const connect = options.connect ?? ((token, apiUrl) => connectGithub(token, apiUrl, sleep));
    let api;
    let deploymentId;
    /** Runs one reporting step; a failure of any kind becomes a warning. */
    const attempt = async (what, permission, work) => {
        try {
            api ??= connect(settings.token ?? '', context.apiUrl);
            await work(await api);
        }
        catch (error) {
            log.warning(redact(describeFailure(what, error, permission)));
        }
    };
    /** Like `attempt`, for a step whose answer the next one needs; undefined when it failed. */
    const attemptValue = async (what, permission, work) => {
        let value;
        await attempt(what, permission, async (github) => {
            value = await work(github);
        });
        return value;
    };
    const usable = checkUsable(options);
    const setCommitStatus = (result, signal) => {
        const request = planCommitStatus(result, context, settings, info);
        if (!request)
            return Promise.resolve();
        return attempt(`set the commit status '${request.context}'`, PERMISSION.status, async (github) => {
            await github.createCommitStatus({ ...request, description: redact(request.description) }, signal);
            log.info(`Commit status '${request.context}' is ${request.state} on ${request.sha.slice(0, 12)}.`);
        });
    };
    const createDeployment = (signal) => {
        const request = planDeployment(context, settings, info);
        if (!request)
            return Promise.resolve();
        return attempt(`create a deployment to '${request.environment}'`, PERMISSION.deployment, async (github) => {
            deploymentId = await github.createDeployment({ ...request, description: redact(request.description) }, signal);
            log.info(`Deployment ${deploymentId} to '${request.environment}' created for ${request.ref}.`);
        });
    };
    const setDeploymentStatus = (result, signal) => {
        if (deploymentId === undefined)
            return Promise.resolve();
        const request = planDeploymentStatus(result, deploymentId, context, settings, info);
        return attempt(`set the status of deployment ${deploymentId}`, PERMISSION.deployment, async (github) => {
            await github.createDeploymentStatus({ ...request, description: redact(request.description) }, signal);
            log.info(`Deployment ${request.deployment_id} is ${request.state}.`);
        });
    };
    const commentOnPullRequest = async (result, signal) => {
        if (!settings.prComment)
            return;
        const number = await attemptValue('find the pull request of this commit', PERMISSION.findPullRequest, (github) => pullRequestNumber(github, context, repo, signal));
        if (number === undefined) {
            log.info(`pr-comment: no pull request for this ${context.eventName || 'run'} event; no comment written.`);
            return;
        }
        const marker = stickyMarker(info, context, settings.environment);
        const body = redact(buildPrComment(result, info, context, marker));
        await attempt(`write the comment on pull request #${number}`, PERMISSION.comment, async (github) => {
            const existing = findStickyComment(await github.issueComments(repo, number, signal), marker);
            if (existing === undefined)
                await github.createComment(repo, number, body, signal);
            else
                await github.updateComment(repo, existing, body, signal);
            log.info(`${existing === undefined ? 'Created' : 'Updated'} the comment on pull request #${number}.`);
        });
    };
    return {
        async start(signal = NEVER) {
            if (!usable())
                return;
            await Promise.all([
                setCommitStatus(undefined, signal),
                createDeployment(signal).then(() => setDeploymentStatus(undefined, signal)),
            ]);
        },
        async finish(rawResult, signal = NEVER) {
            if (!usable())
                return;
            // Redacted before any text is cut or escaped: a cut secret would no longer match itself.
            const result = (0,redact_result/* redactResult */.r)(rawResult, redact);
            await Promise.all([
                setCommitStatus(result, signal),
                setDeploymentStatus(result, signal),
                commentOnPullRequest(result, signal),
            ]);
        },
    };
}
/** `${{ github.token }}` as text: the default of action.yml when no runner evaluated it (`npx @github/local-action`). */
const UNEVALUATED_EXPRESSION = /^\$\{\{.*\}\}$/s;
/** Says once, as a warning, why GitHub reporting cannot run; true when it can. */
function checkUsable({ settings, context, log }) {
    let verdict;
    return () => {
        if (verdict !== undefined)
            return verdict;
        const blocking = [
            settings.token ? '' : 'the github-token input is empty',
            UNEVALUATED_EXPRESSION.test(settings.token ?? '')
                ? 'the github-token input is an expression that no runner evaluated, as in a local run: give a real token (INPUT_GITHUB-TOKEN in .env)'
                : '',
            context.owner && context.repo ? '' : 'GITHUB_REPOSITORY is not set (expected owner/name)',
            context.sha || context.pullRequest ? '' : 'GITHUB_SHA is not set',
        ].filter(Boolean);
        for (const problem of context.problems)
            log.warning(`GitHub reporting: ${problem}.`);
        if (blocking.length > 0)
            log.warning(`GitHub reporting is skipped: ${blocking.join('; ')}. The step's verdict is unchanged.`);
        verdict = blocking.length === 0;
        return verdict;
    };
}
/** The event's pull request; for a push, the open pull request the commit belongs to. */
async function pullRequestNumber(github, context, repo, signal) {
    if (context.pullRequest)
        return context.pullRequest.number;
    if (context.eventName !== 'push' || !context.sha)
        return undefined;
    return pickPullRequest(await github.pullRequestsOfCommit(repo, context.sha, signal), context.sha);
}

;// CONCATENATED MODULE: ./src/report/github/index.ts
/** GitHub reporting, loaded by the edge only when pr-comment, commit-status or environment is set. */




/***/ })

};
