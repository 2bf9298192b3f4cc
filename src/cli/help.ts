/**
 * `--help`: every input, grouped by provider by INPUT_DOCS, in action.yml's words; nothing here lists an
 * input by hand.
 */
import { PROVIDER_NAMES, type ProviderName } from '../config/config.js';
import { actionInput } from '../config/action-inputs.js';
import { INPUT_DOCS, type InputDoc } from '../config/input-docs.js';
import { INPUT, SECRET_INPUTS, type InputName } from '../config/inputs.js';
import { CLI_FLAGS, inputEnvVariable, takesBareFlag } from './args.js';
import { EXIT_CODES } from './exit-code.js';

const PROVIDER_TITLES: Record<ProviderName, string> = {
  'sap-cloud-integration': 'SAP Integration Suite, Cloud Integration',
  'opensearch-flow-framework': 'OpenSearch Flow Framework',
  'nl-flow': 'expert.ai NL Flow',
  installer: 'ZStack Cloud installer',
};

/** What the command line reads differently from a workflow. */
const CLI_MEANING: Partial<Record<InputName, { value: string; description: string; output?: true }>> = {
  [INPUT.summary]: {
    value: 'FILE',
    description: 'Write the summary markdown to FILE (no summary without it).',
    output: true,
  },
  [INPUT.githubToken]: {
    value: 'TOKEN',
    description: 'Token for the GitHub reporting (PR comment, commit status, deployment). Default: $GITHUB_TOKEN.',
  },
};

const FLAG_COLUMN = 30;
const WIDTH = 100;

export function helpText(): string {
  const names = Object.keys(INPUT_DOCS) as InputName[];
  const inScope = (test: (doc: InputDoc) => boolean): InputName[] =>
    names.filter((name) => test(INPUT_DOCS[name]) && !CLI_MEANING[name]?.output);
  const sections: [string, InputName[]][] = [
    ['Every provider', inScope((doc) => doc.scope === 'every provider')],
    ...PROVIDER_NAMES.map((provider): [string, InputName[]] => [
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
    ...wrap(
      `Every input is also read from the environment as AWAIT_DEPLOY_<INPUT> (upper case, '-' as '_', e.g. ` +
        `${inputEnvVariable(INPUT.apiKey)}); a flag wins. Prefer the environment for secrets: a flag is visible to ` +
        'other users of the machine. A flag given twice adds a line (several ids, headers).',
      0,
    ),
  ];
  for (const [title, inputs] of sections) {
    lines.push('', `${title}:`, ...(inputs.length ? inputs.flatMap(inputLines) : ['  (the inputs of every provider)']));
  }
  lines.push(
    '',
    'Output (the log goes to stderr; nothing goes to stdout unless --json):',
    ...entry(`--${CLI_FLAGS.json}`, 'Print the result JSON on stdout.'),
    ...entry(`--${CLI_FLAGS.output} FILE`, 'Write the outputs as name=value lines (a GitLab dotenv report).'),
    ...names.filter((name) => CLI_MEANING[name]?.output).flatMap(inputLines),
    ...entry(`--${CLI_FLAGS.verbose}`, 'Print debug lines too.'),
    ...entry(`-h, --${CLI_FLAGS.help}`, 'Show this help.'),
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([code, meaning]) => `  ${String(code).padEnd(5)}${meaning}`),
  );
  return `${lines.join('\n')}\n`;
}

function inputLines(name: InputName): string[] {
  const doc = actionInput(name);
  const cli = CLI_MEANING[name];
  const value = cli?.value ?? (takesBareFlag(name) ? '' : 'VALUE');
  const flag = takesBareFlag(name) ? `--${name}[=true|false]` : `--${name} ${value}`;
  const notes = [
    cli ? '' : doc.default === undefined ? '' : `Default: ${doc.default}.`,
    SECRET_INPUTS.includes(name) ? 'Secret.' : '',
  ].filter(Boolean);
  return entry(flag, [cli?.description ?? doc.description, ...notes].join(' '));
}

function entry(flag: string, description: string): string[] {
  const [first = '', ...rest] = wrap(description, FLAG_COLUMN);
  const head = `  ${flag}`;
  return head.length < FLAG_COLUMN
    ? [`${head.padEnd(FLAG_COLUMN)}${first.trimStart()}`, ...rest]
    : [head, first, ...rest];
}

/** Words to lines of at most WIDTH characters, each indented by `indent`. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}
