/**
 * The `template` input: a workspace file or the template itself, JSON or YAML, checked and filled with
 * `parameters` before any request (SPEC "opensearch-flow-framework, templates").
 */
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { INPUT } from '../../config/inputs.js';
import { InputError } from '../../core/errors.js';
import { isRecord, nonEmptyString } from '../../core/json.js';

export interface WorkflowTemplate {
  /** the template's `name`: how a later run finds the workflow again */
  name: string;
  /** the filled template as JSON, the body of create and update */
  body: string;
  /** how many steps its `provision` workflow has: each creates one resource, so they measure progress */
  provisionSteps: number;
}

const TEMPLATE_FILE = /\.(json|ya?ml)$/i;

type Yaml = typeof import('yaml');
let loadedYaml: Yaml | undefined;

/** Loads the YAML parser: a run pays for it at start-up only when it has a template to read. */
export async function loadYamlParser(): Promise<void> {
  loadedYaml ??= await import('yaml');
}

/** The parser `loadYamlParser` loaded: a caller that forgot to load it is a bug, not a template that is not YAML. */
function yamlParser(): Yaml {
  if (!loadedYaml) throw new Error('the YAML parser was not loaded (loadYamlParser) before a template was read');
  return loadedYaml;
}

/** Reads (when it is a path), parses and fills the template; throws InputError before any request. */
export function loadTemplate(
  text: string,
  workspace: string,
  parameters: Readonly<Record<string, string>>,
): WorkflowTemplate {
  const isFile = !text.includes('\n') && TEMPLATE_FILE.test(text.trim());
  const source = isFile ? readWorkspaceFile(text.trim(), workspace) : { text, yaml: !text.trim().startsWith('{') };
  const template = parseTemplate(source.text, source.yaml, isFile ? `file '${text.trim()}'` : 'text');
  if (!nonEmptyString(template.name)) {
    throw new InputError(
      INPUT.template,
      `Input '${INPUT.template}' has no 'name': a workflow template needs one (it is how the workflow is found again).`,
    );
  }
  return {
    name: template.name,
    body: JSON.stringify(fillPlaceholders(template, parameters)),
    provisionSteps: provisionStepsOf(template),
  };
}

function provisionStepsOf(template: Record<string, unknown>): number {
  const workflows = template.workflows;
  const provision = isRecord(workflows) ? workflows.provision : undefined;
  const nodes = isRecord(provision) ? provision.nodes : undefined;
  return Array.isArray(nodes) ? nodes.length : 0;
}

function readWorkspaceFile(path: string, workspace: string): { text: string; yaml: boolean } {
  const root = resolve(workspace || '.');
  const outside = (): InputError =>
    new InputError(INPUT.template, `Input '${INPUT.template}' names '${path}', which is outside the workspace.`);
  const full = resolve(root, path);
  if (isOutside(root, full)) throw outside();
  let text: string;
  try {
    // A link inside the workspace may point anywhere: where it really leads must be inside too.
    if (isOutside(realpathSync(root), realpathSync(full))) throw outside();
    text = readFileSync(full, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      INPUT.template,
      `Input '${INPUT.template}' names '${path}', which cannot be read in the workspace.`,
    );
  }
  return { text, yaml: !/\.json$/i.test(path) };
}

function isOutside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

function parseTemplate(text: string, yaml: boolean, what: string): Record<string, unknown> {
  let parsed: unknown;
  const parser = yaml ? yamlParser() : undefined;
  try {
    parsed = parser ? parser.parse(text, { uniqueKeys: true }) : JSON.parse(text);
  } catch {
    // The parser's message may quote the template, and the template may hold secrets.
    throw new InputError(INPUT.template, `Input '${INPUT.template}' (${what}) is not valid ${yaml ? 'YAML' : 'JSON'}.`);
  }
  if (!isRecord(parsed)) {
    throw new InputError(
      INPUT.template,
      `Input '${INPUT.template}' (${what}) is not a workflow template: expected an object with 'name' and 'workflows'.`,
    );
  }
  return parsed;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Fills every `${{ key }}` whose key is in `parameters`, in every string of the template; the others (a
 * step's output such as `${{ create_connector.connector_id }}`) stay for the plugin. Pure.
 */
export function fillPlaceholders(value: unknown, parameters: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (placeholder, key: string) =>
      Object.hasOwn(parameters, key) ? (parameters[key] as string) : placeholder,
    );
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, parameters));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, parameters)]));
  }
  return value;
}
