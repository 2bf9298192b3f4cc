/**
 * What an adopter checks before using the action, as rules over the repository: every action a
 * workflow uses is pinned to a full commit SHA with its version beside it, every workflow grants
 * the least it can, and the license, security policy and changelog are there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

const PINNED_ACTION = /^[\w.-]+\/[\w.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const PINNED_IMAGE = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /^\s*v\d+\.\d+\.\d+\s*$/;
const BROAD_PERMISSIONS = ['write-all', 'read-all'];

export const REQUIRED_FILES = ['LICENSE', 'SECURITY.md', 'CHANGELOG.md'] as const;

export function missingFiles(root: string): string[] {
  return REQUIRED_FILES.filter(
    (file) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8').trim() === '',
  );
}

/** The rules a workflow breaks, each with its line; none for a workflow that meets them all. */
export function workflowProblems(text: string): string[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) return document.errors.map((error) => `not YAML: ${error.message}`);
  const lineOf = (offset: number | undefined): number => lines.linePos(offset ?? 0).line;
  const workflow = document.contents;
  if (!isMap(workflow)) return ['not a mapping of on/jobs'];

  const problems = [...permissionsProblems(workflow.get('permissions', true), 'the workflow', lineOf, 'workflow')];
  const jobs = workflow.get('jobs');
  if (!isMap(jobs)) return [...problems, "no 'jobs'"];
  for (const { key, value: job } of jobs.items) {
    if (!isMap(job)) continue;
    const name = `job '${String(isScalar(key) ? key.value : key)}'`;
    problems.push(...permissionsProblems(job.get('permissions', true), name, lineOf, 'job'));
    problems.push(...usesProblems(job, lineOf));
    const steps = job.get('steps');
    if (!isSeq(steps)) continue;
    for (const step of steps.items) if (isMap(step)) problems.push(...usesProblems(step, lineOf));
  }
  return problems;
}

function usesProblems(owner: YAMLMap, lineOf: (offset: number | undefined) => number): string[] {
  const uses = owner.get('uses', true);
  if (uses === undefined) return [];
  if (!isScalar(uses) || typeof uses.value !== 'string')
    return [`line ${lineOf(owner.range?.[0])}: 'uses' is not a string`];
  const reference = uses.value;
  const where = `line ${lineOf(uses.range?.[0])}: '${reference}'`;
  if (reference.startsWith('./') || PINNED_IMAGE.test(reference)) return [];
  if (!PINNED_ACTION.test(reference)) return [`${where} is not pinned to a full commit SHA`];
  if (!VERSION_COMMENT.test(uses.comment ?? '')) return [`${where} has no '# vX.Y.Z' comment naming its version`];
  return [];
}

/** The workflow: a block that grants no write (write goes to the job that needs it). Jobs: no `write-all`/`read-all`. */
function permissionsProblems(
  node: unknown,
  owner: string,
  lineOf: (offset: number | undefined) => number,
  level: 'workflow' | 'job',
): string[] {
  if (node === undefined || node === null) return level === 'workflow' ? [`${owner} has no 'permissions:' block`] : [];
  if (isScalar(node)) {
    const value = String(node.value);
    return BROAD_PERMISSIONS.includes(value)
      ? [`line ${lineOf(node.range?.[0])}: ${owner} grants '${value}': name each scope it needs`]
      : [];
  }
  if (!isMap(node)) return [`${owner} has a 'permissions:' that is not a mapping of scopes`];
  if (level === 'job') return [];
  return node.items
    .filter(({ value }) => isScalar(value) && value.value === 'write')
    .map(
      ({ key }) =>
        `${owner} grants '${String(isScalar(key) ? key.value : key)}: write' at the top: grant it in the job that needs it`,
    );
}
