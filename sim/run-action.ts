/**
 * Runs the bundled action the way the GitHub runner does: `node dist/index.js` with
 * INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. Used by the end-to-end
 * tests, the demo and the benchmark.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.ts';
import { basicAuthorization } from './server.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js');

export interface RunActionOptions {
  /** input name as in action.yml (`max-interval`) → value */
  inputs: Record<string, string>;
  /** extra environment (GITHUB_*, proxies…); the runner's own variables are not inherited */
  env?: Record<string, string>;
  /** send this signal `afterMs` after the spawn */
  signal?: { name: NodeJS.Signals; afterMs: number };
  /** kill the process after this long (a safety net for tests) */
  killAfterMs?: number;
  /**
   * Secrets derived during the run that the inputs do not show (e.g. the OAuth access tokens a
   * simulator issued): scanned for like the secret inputs. A function is called after the run.
   */
  secrets?: readonly string[] | (() => readonly string[]);
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /**
   * stdout and stderr as the runner shows them: without the `::add-mask::` commands, the
   * one place where @actions/core must write a secret so the runner can mask it.
   */
  visibleLog: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
  /** ms from start until the signal was sent, if one was */
  signalledAtMs?: number;
}

/** `max-interval` → `INPUT_MAX-INTERVAL`, as the runner names it. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export interface RunnerWorkspace {
  /** the runner's variables, INPUT_* for the inputs, then `extraEnv` */
  env: Record<string, string>;
  outputFile: string;
  summaryFile: string;
  /** deletes the workspace and its files */
  remove(): void;
}

/** A temporary directory with empty GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a step's environment. */
export function runnerWorkspace(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): RunnerWorkspace {
  const workDir = mkdtempSync(join(tmpdir(), 'await-deploy-run-'));
  const outputFile = join(workDir, 'output');
  const summaryFile = join(workDir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workDir,
    RUNNER_TEMP: workDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  return { env, outputFile, summaryFile, remove: () => rmSync(workDir, { recursive: true, force: true }) };
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const { env, outputFile, summaryFile, remove } = runnerWorkspace(options.inputs, options.env);
  const { exitCode, stdout, stderr, durationMs, signalledAtMs } = await runChild(process.execPath, [BUNDLE], {
    env,
    signal: options.signal,
    killAfterMs: options.killAfterMs ?? 120_000,
  });
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  const summary = readFileSync(summaryFile, 'utf8');
  remove();
  const visibleLog = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const derived = typeof options.secrets === 'function' ? options.secrets() : (options.secrets ?? []);
  assertNoSecretShown(secretsOfRun(options.inputs, derived), {
    log: visibleLog,
    summary,
    ...Object.fromEntries(Object.entries(outputs).map(([name, value]) => [`output '${name}'`, value])),
  });
  return { exitCode, stdout, stderr, visibleLog, outputs, summary, durationMs, signalledAtMs };
}

/** Reads the `name<<delimiter … delimiter` records @actions/core writes to GITHUB_OUTPUT. */
function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/**
 * The inputs SPEC names as secrets. Listed here rather than imported from src: the harness must
 * not inherit a slip in the code it checks.
 */
const SECRET_INPUTS = ['token', 'password', 'api-key', 'client-secret', 'client-key', 'github-token', 'service-key'];
/** Service-key fields holding a secret: `clientsecret`, `client_secret`, `password`, `apikey`… but not `tokenurl`. */
const SECRET_FIELD = /(secret|password|passwd|token|key)$/i;
/**
 * Shorter values are not scanned: tests pass placeholders like 'x' or 'sb-x' that occur in any log
 * by chance. Every real-looking test secret is longer.
 */
const MIN_SECRET_LENGTH = 8;

interface Secret {
  /** where the secret came from, for the error message: the value itself is never printed */
  origin: string;
  value: string;
}

/** Every secret a run was given: secret inputs, service-key fields, Basic credentials, derived ones. */
export function secretsOfRun(inputs: Record<string, string>, derived: readonly string[] = []): Secret[] {
  const secrets: Secret[] = [];
  const add = (origin: string, value: string | undefined): void => {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) secrets.push({ origin, value });
  };
  // The header value without its `Basic ` prefix: the encoded credential alone is the secret.
  const basic = (user: string, password: string): string => basicAuthorization(user, password).slice('Basic '.length);
  for (const name of SECRET_INPUTS) add(`input '${name}'`, inputs[name]?.trim());
  if (inputs.password)
    add("the Basic credential of 'username':'password'", basic(inputs.username ?? '', inputs.password));
  if (inputs['client-secret']) {
    add(
      "the Basic credential of 'client-id':'client-secret'",
      basic(inputs['client-id'] ?? '', inputs['client-secret']),
    );
  }
  const serviceKey = serviceKeyFields(inputs['service-key'] ?? '');
  for (const field of serviceKey) {
    if (SECRET_FIELD.test(field.name)) add(`service-key field '${field.name}'`, field.value);
  }
  const oauth = serviceKeyOauth(serviceKey);
  if (oauth) add('the Basic credential of the service key client', basic(oauth.clientid, oauth.clientsecret));
  derived.forEach((value, index) => add(`options.secrets[${index}]`, value));
  return secrets;
}

/** Throws naming the secret's origin and where it showed, never the secret. */
export function assertNoSecretShown(secrets: readonly Secret[], shown: Record<string, string>): void {
  const leaks = secrets.flatMap(({ origin, value }) =>
    Object.entries(shown)
      .filter(([, text]) => shownForms(value).some((form) => text.includes(form)))
      .map(([where]) => `${origin} in the ${where}`),
  );
  if (leaks.length > 0) throw new Error(`runAction: a secret was shown: ${[...new Set(leaks)].join('; ')}`);
}

/** The secret as it would appear in JSON (the `result` output) or escaped HTML (the summary), too. */
function shownForms(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), html])];
}

interface Field {
  name: string;
  value: string;
}

/**
 * Every `"name": "string"` of a service key, at any depth. A key that is not valid JSON (tests
 * paste cut-off keys on purpose) is read field by field, so its secrets are still scanned for.
 */
function serviceKeyFields(text: string): Field[] {
  try {
    return stringFields(JSON.parse(text));
  } catch {
    return [...text.matchAll(/"([^"\\]+)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map(([, name = '', value = '']) => ({
      name,
      value,
    }));
  }
}

function stringFields(value: unknown): Field[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, field]) =>
    typeof field === 'string' ? [{ name, value: field }] : stringFields(field),
  );
}

/** The client credentials among a service key's fields (`oauth.clientid`/`clientsecret`, or at the top level). */
function serviceKeyOauth(serviceKey: readonly Field[]): { clientid: string; clientsecret: string } | undefined {
  const fields = Object.fromEntries(serviceKey.map(({ name, value }) => [name, value]));
  return fields.clientid && fields.clientsecret
    ? { clientid: fields.clientid, clientsecret: fields.clientsecret }
    : undefined;
}
