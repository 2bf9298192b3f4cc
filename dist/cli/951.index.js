export const id = 951;
export const ids = [951];
export const modules = {

/***/ 2951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  helpText: () => (/* binding */ helpText)
});

// EXTERNAL MODULE: ./src/config/config.ts
var config = __webpack_require__(1122);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/action-inputs.ts
/**
 * action.yml's words for each input (its description and literal default), for the command line's
 * `--help`: read from action.yml itself, which the bundle carries as an asset, so they are written once.
 */


let loaded;
function load() {
    const action = (0,dist.parse)((0,external_node_fs_.readFileSync)(new URL(/* asset import */ __webpack_require__(7707), __webpack_require__.b), 'utf8'));
    return new Map(Object.entries(action.inputs).map(([name, input]) => {
        const literal = input.default !== undefined && !/^\$\{\{.*\}\}$/.test(input.default);
        return [name, { description: input.description, ...(literal ? { default: input.default } : {}) }];
    }));
}
function actionInput(name) {
    loaded ??= load();
    const input = loaded.get(name);
    if (!input)
        throw new Error(`action.yml has no input '${name}'`);
    return input;
}

// EXTERNAL MODULE: ./src/config/input-docs.ts
var input_docs = __webpack_require__(9192);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/exit-code.ts
var exit_code = __webpack_require__(1552);
;// CONCATENATED MODULE: ./src/cli/help.ts
/**
 * `--help`: every input, grouped by provider by INPUT_DOCS, in action.yml's words; nothing here lists an
 * input by hand.
 */






const PROVIDER_TITLES = {
    'sap-cloud-integration': 'SAP Integration Suite, Cloud Integration',
    'opensearch-flow-framework': 'OpenSearch Flow Framework',
    'nl-flow': 'expert.ai NL Flow',
    installer: 'ZStack Cloud installer',
};
/** What the command line reads differently from a workflow. */
const CLI_MEANING = {
    [inputs/* INPUT */.bO.summary]: {
        value: 'FILE',
        description: 'Write the summary markdown to FILE (no summary without it).',
        output: true,
    },
    [inputs/* INPUT */.bO.githubToken]: {
        value: 'TOKEN',
        description: 'Token for the GitHub reporting (PR comment, commit status, deployment). Default: $GITHUB_TOKEN.',
    },
};
const FLAG_COLUMN = 30;
const WIDTH = 100;
function helpText() {
    const names = Object.keys(input_docs/* INPUT_DOCS */.r);
    const inScope = (test) => names.filter((name) => test(input_docs/* INPUT_DOCS */.r[name]) && !CLI_MEANING[name]?.output);
    const sections = [
        ['Every provider', inScope((doc) => doc.scope === 'every provider')],
        ...config/* PROVIDER_NAMES */.xd.map((provider) => [
            `${PROVIDER_TITLES[provider]} (--provider ${provider})`,
            inScope((doc) => Array.isArray(doc.scope) && doc.scope.includes(provider)),
        ]),
        [
            'GitHub reporting (only with GITHUB_REPOSITORY, GITHUB_SHA and a token)',
            inScope((doc) => doc.scope === 'GitHub reporting'),
        ],
    ];
    const lines = [
        'await-deploy: trigger a deploy (optional), wait for it with a timeout, exit with its verdict.',
        '',
        'Usage: await-deploy --provider NAME --url URL [--id ID] [--deploy] [--INPUT VALUE]...',
        '',
        ...wrap(`Every input is also read from the environment as AWAIT_DEPLOY_<INPUT> (upper case, '-' as '_', e.g. ` +
            `${(0,args/* inputEnvVariable */.OP)(inputs/* INPUT */.bO.apiKey)}); a flag wins. Prefer the environment for secrets: a flag is visible to ` +
            'other users of the machine. A flag given twice adds a line (several ids, headers).', 0),
    ];
    for (const [title, inputs] of sections) {
        lines.push('', `${title}:`, ...(inputs.length ? inputs.flatMap(inputLines) : ['  (the inputs of every provider)']));
    }
    lines.push('', 'Output (the log goes to stderr; nothing goes to stdout unless --json):', ...entry(`--${args/* CLI_FLAGS */.hi.json}`, 'Print the result JSON on stdout.'), ...entry(`--${args/* CLI_FLAGS */.hi.output} FILE`, 'Write the outputs as name=value lines (a GitLab dotenv report).'), ...names.filter((name) => CLI_MEANING[name]?.output).flatMap(inputLines), ...entry(`--${args/* CLI_FLAGS */.hi.verbose}`, 'Print debug lines too.'), ...entry(`-h, --${args/* CLI_FLAGS */.hi.help}`, 'Show this help.'), '', 'Exit codes:', ...exit_code/* EXIT_CODES */.ai.map(([code, meaning]) => `  ${String(code).padEnd(5)}${meaning}`));
    return `${lines.join('\n')}\n`;
}
function inputLines(name) {
    const doc = actionInput(name);
    const cli = CLI_MEANING[name];
    const value = cli?.value ?? ((0,args/* takesBareFlag */.nb)(name) ? '' : 'VALUE');
    const flag = (0,args/* takesBareFlag */.nb)(name) ? `--${name}[=true|false]` : `--${name} ${value}`;
    const notes = [
        cli ? '' : doc.default === undefined ? '' : `Default: ${doc.default}.`,
        inputs/* SECRET_INPUTS */.pH.includes(name) ? 'Secret.' : '',
    ].filter(Boolean);
    return entry(flag, [cli?.description ?? doc.description, ...notes].join(' '));
}
function entry(flag, description) {
    const [first = '', ...rest] = wrap(description, FLAG_COLUMN);
    const head = `  ${flag}`;
    return head.length < FLAG_COLUMN
        ? [`${head.padEnd(FLAG_COLUMN)}${first.trimStart()}`, ...rest]
        : [head, first, ...rest];
}
/** Words to lines of at most WIDTH characters, each indented by `indent`. */
function wrap(text, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && indent + line.length + 1 + word.length > WIDTH) {
            lines.push(' '.repeat(indent) + line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(' '.repeat(indent) + line);
    return lines;
}


/***/ }),

/***/ 7707:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "a8e82ffe014d864d3fbc.yml";

/***/ })

};
