/**
 * `npm run docs`: regenerates what the README shows of the action's output, from the action itself.
 * Runs dist/index.js against the simulators (and the GitHub simulator for the PR comment), writes
 * each summary or comment to docs/examples/NAME.md, puts it into the README between
 * `<!-- generated:NAME -->` markers, renders it with markdown-it (GFM tables, HTML allowed, as on
 * GitHub) and screenshots it with headless Chromium into docs/NAME.png.
 * `--no-screenshots` skips Chromium. Mermaid is drawn by GitHub, not here: the screenshot shows the
 * chart's source as a code block.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MarkdownIt from 'markdown-it';
import { startGithubSimulator } from '../sim/github.ts';
import { startOpenSearchSimulator } from '../sim/opensearch.ts';
import { REPO_ROOT, runAction } from '../sim/run-action.ts';
import { startSapSimulator } from '../sim/sap.ts';

const { values } = parseArgs({ options: { 'no-screenshots': { type: 'boolean' } } });

const SAP_HOST = 'https://acme-tenant.it-cpi001.cfapps.eu10.hana.ondemand.com';
const OPENSEARCH_HOST = 'https://search.example.com:9200';
const PACE = { interval: '300ms', 'max-interval': '1s', 'request-timeout': '5s', timeout: '1m' };

interface Example {
  /** docs/examples/NAME.md, docs/NAME.png, the README marker */
  name: string;
  markdown: string;
}

/** The simulator's local origin in place of a real-looking host: the rest is the action's own output. */
const withHost = (text: string, localUrl: string, host: string): string =>
  text.split(new URL(localUrl).origin).join(host);

async function sapSummary(name: string, artifacts: Record<string, string>): Promise<Example> {
  const sim = await startSapSimulator({ scenario: 'deploy-ok', artifacts });
  try {
    const run = await runAction({
      inputs: {
        provider: 'sap-cloud-integration',
        'service-key': sim.serviceKey,
        id: 'Order_Sync\nBilling_Sync',
        deploy: 'true',
        ...PACE,
      },
      secrets: () => sim.tokensIssued,
    });
    return { name, markdown: withHost(run.summary, sim.url, SAP_HOST) };
  } finally {
    await sim.close();
  }
}

async function opensearchSummary(name: string): Promise<Example> {
  const sim = await startOpenSearchSimulator({ scenario: 'provision-completed', provisionAnswer: 202 });
  try {
    const run = await runAction({
      inputs: { provider: 'opensearch-flow-framework', url: sim.url, id: 'wf-ingest\nwf-rag', deploy: 'true', ...PACE },
    });
    return { name, markdown: withHost(run.summary, sim.url, OPENSEARCH_HOST) };
  } finally {
    await sim.close();
  }
}

/** The sticky comment of a pull request run with one failed workflow, as the GitHub simulator received it. */
async function prComment(name: string): Promise<Example> {
  const token = 'ghs_docsExampleToken0123456789ABCDEFGH';
  const github = await startGithubSimulator({ token });
  const opensearch = await startOpenSearchSimulator({
    scenario: 'provision-completed',
    workflows: { 'wf-rag': 'provision-failed' },
    provisionAnswer: 202,
  });
  const dir = mkdtempSync(join(tmpdir(), 'await-deploy-docs-'));
  try {
    const event = join(dir, 'event.json');
    const pull = { number: 17, state: 'open', head: { sha: 'a'.repeat(40), ref: 'feature/rag' } };
    writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 17, pull_request: pull }));
    await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: opensearch.url,
        id: 'wf-ingest\nwf-rag',
        deploy: 'true',
        'github-token': token,
        'pr-comment': 'true',
        ...PACE,
      },
      env: {
        GITHUB_API_URL: github.apiUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/search-app',
        GITHUB_SHA: 'b'.repeat(40),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_RUN_ID: '4242',
        GITHUB_JOB: 'deploy',
      },
    });
    const body = github.state.comments.get(17)?.at(-1)?.body ?? '';
    if (!body) throw new Error('the GitHub simulator got no comment');
    return { name, markdown: withHost(body, opensearch.url, OPENSEARCH_HOST) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([github.close(), opensearch.close()]);
  }
}

/** Between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; headings two levels down, under the README's own. */
function intoReadme(readme: string, example: Example): string {
  const open = `<!-- generated:${example.name} -->`;
  const close = `<!-- /generated:${example.name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) return readme;
  const body = example.markdown.replace(/^(#{1,4}) /gm, '$1## ');
  return `${readme.slice(0, start + open.length)}\n\n${body.trim()}\n\n${readme.slice(end)}`;
}

const STYLE = `
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
  background: #fff; margin: 0; padding: 24px 32px; width: 1060px; }
h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; vertical-align: top; }
tr:nth-child(2n) td { background: #f6f8fa; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 85%; }
code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
pre code { background: none; padding: 0; }
details { margin: 8px 0; } summary { cursor: pointer; }`;

function page(markdown: string): string {
  const html = new MarkdownIt({ html: true }).render(markdown.replace(/^<!--.*-->\n/, ''));
  // The page reports its height in its title, so the screenshot can be cut to it.
  const measure = '<script>document.title = String(document.documentElement.scrollHeight)</script>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>-</title><style>${STYLE}</style></head><body>${html}${measure}</body></html>`;
}

function chromium(args: string[], profile: string): string {
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
  ];
  const run = spawnSync('chromium', [...flags, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw new Error(`chromium: ${run.error.message} (apt-get install chromium)`);
  if (run.status !== 0) throw new Error(`chromium exited ${run.status}: ${run.stderr.split('\n')[0]}`);
  return run.stdout;
}

function screenshot(example: Example): void {
  const dir = mkdtempSync(join(tmpdir(), 'await-deploy-shot-'));
  try {
    const html = join(dir, `${example.name}.html`);
    writeFileSync(html, page(example.markdown));
    const url = `file://${html}`;
    const dom = chromium(['--dump-dom', url], join(dir, 'profile-measure'));
    const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 2000);
    const png = join(REPO_ROOT, 'docs', `${example.name}.png`);
    chromium(
      [`--window-size=1124,${height}`, '--hide-scrollbars', `--screenshot=${png}`, url],
      join(dir, 'profile-shot'),
    );
    console.log(`docs/${example.name}.png (${height}px high)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const examples = [
  await sapSummary('summary-failed', { Billing_Sync: 'runtime-error' }),
  await opensearchSummary('summary-succeeded'),
  await prComment('pr-comment-failed'),
];
let readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
for (const example of examples) {
  writeFileSync(join(REPO_ROOT, 'docs', 'examples', `${example.name}.md`), example.markdown);
  readme = intoReadme(readme, example);
  console.log(`docs/examples/${example.name}.md`);
}
writeFileSync(join(REPO_ROOT, 'README.md'), readme);
if (!values['no-screenshots'])
  for (const example of examples.filter((e) => e.name.startsWith('summary'))) screenshot(example);
