/**
 * `IntegrationRuntimeArtifacts('…')/ErrorInformation/$value`: why a deploy failed, as SAP's message
 * tree. Tenants send it in several shapes (see `__tests__/fixtures/sap/README.md`):
 * `{"message":{…,"messageText":"… {0} …"},"parameter":[…],"childInstances":[…]}` with `parameter`
 * beside `message` (older documentation puts it inside `message`), an empty `messageText` with the
 * whole diagnostic in `parameter`, a parameter that is itself a JSON string of a nested tree
 * (`{"message":"EXCEPTION","parameters":[…],"childMessageInstances":[…]}`), possibly cut off by the
 * tenant. Pure.
 */
import type { LogLine } from '../../core/types.js';
import { excerpt } from '../../http/status.js';
import { isRecord } from '../../core/json.js';

export interface ErrorDetails {
  /** one line for the snapshot's message */
  summary: string;
  /** every message of the tree, parents first, each once */
  logs: LogLine[];
}

const MAX_LINES = 20;
const MAX_DEPTH = 6;
const SUMMARY_LENGTH = 400;
const LINE_LENGTH = 2000;

/** `Failed to compile {0}` + `["x.groovy"]` → `Failed to compile x.groovy`; placeholders without a parameter stay. */
export function fillParameters(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = parameters[Number(index)];
    // A list or object would print as its nested contents (and overflow the stack when deep): it stays a placeholder.
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : placeholder;
  });
}

/** The details in a body of ErrorInformation/$value (JSON whatever its content type); plain text as it is. */
export function errorDetailsFrom(body: string): ErrorDetails | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  const tree = parseJson(text);
  if (tree === undefined) return plain(text);
  const lines = isRecord(tree) ? linesOf(tree) : typeof tree === 'string' ? textLines(tree) : [];
  if (lines.length === 0) return undefined;
  return { summary: summaryOf(lines), logs: lines.map((message) => ({ level: 'ERROR', message })) };
}

function plain(text: string): ErrorDetails {
  return { summary: excerpt(text, SUMMARY_LENGTH), logs: [{ level: 'ERROR', message: excerpt(text, LINE_LENGTH) }] };
}

/**
 * The innermost cause first (the last line: "Script file 'script1.groovy' not found"), then what failed,
 * outermost first: a table cell or a notification that cuts the line still shows why. All of it when it fits.
 */
function summaryOf(lines: readonly string[]): string {
  if (lines.length < 2) return excerpt(lines[0] ?? '', SUMMARY_LENGTH);
  const cause = lines[lines.length - 1] ?? '';
  const causeFirst = [cause, ...lines.slice(0, -1)].join(' — ');
  if (causeFirst.length <= SUMMARY_LENGTH) return causeFirst;
  return excerpt(`${excerpt(cause, SUMMARY_LENGTH / 2)} — ${lines[0] ?? ''}`, SUMMARY_LENGTH);
}

/** Every line of the tree, outermost first, without repeats (tenants repeat the cause at every level). */
function linesOf(tree: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const add = (line: string): void => {
    const shown = excerpt(line, LINE_LENGTH);
    if (shown && lines.length < MAX_LINES && !lines.includes(shown)) lines.push(shown);
  };
  const visit = (node: Record<string, unknown>, depth: number): void => {
    if (lines.length >= MAX_LINES || depth > MAX_DEPTH) return;
    nodeLines(node, depth).forEach(add);
    for (const child of childrenOf(node)) visit(child, depth + 1);
  };
  visit(tree, 0);
  return lines;
}

function childrenOf(node: Record<string, unknown>): Record<string, unknown>[] {
  const children = [node.childInstances, node.childMessageInstances].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  return children.filter(isRecord);
}

/**
 * One level's lines: its text with `{n}` filled from this level's own parameters, then the parameters no
 * placeholder used (where tenants put the diagnostic), then the message id when nothing else is said.
 */
function nodeLines(node: Record<string, unknown>, depth: number): string[] {
  const message = node.message;
  const inner = isRecord(message) ? message : {};
  const parameters = [node.parameter, inner.parameter, node.parameters].find(Array.isArray) ?? [];
  const template = typeof inner.messageText === 'string' ? inner.messageText : '';
  const used = new Set([...template.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])));
  const lines: string[] = [];
  const text = fillParameters(template, parameters).trim();
  if (text) lines.push(text);
  parameters.forEach((parameter, index) => {
    if (!used.has(index)) lines.push(...parameterLines(parameter, depth));
  });
  if (lines.length > 0) return lines;
  // The nested form's `message` is a label ("EXCEPTION", "CAUSE"): shown only when nothing else is.
  if (typeof message === 'string' && message.trim()) return [message.trim()];
  const id = typeof inner.messageId === 'string' ? inner.messageId.trim() : '';
  return id ? [id] : [];
}

/** A parameter: text (maybe several lines), or a whole nested tree as a JSON string. */
function parameterLines(parameter: unknown, depth: number): string[] {
  if (typeof parameter === 'number' || typeof parameter === 'boolean') return [String(parameter)];
  if (typeof parameter !== 'string') return [];
  const text = parameter.trim();
  if (text.startsWith('{') && depth < MAX_DEPTH) {
    const nested = parseJson(text);
    if (isRecord(nested)) return linesOf(nested);
  }
  return textLines(text);
}

/**
 * Lines of a text; a nested document the tenant cut off itself still has its newlines escaped, so `\n`
 * counts as one. Lines that only point at a column (`^`, `*`) say nothing on their own.
 */
function textLines(text: string): string[] {
  const unescaped = text.includes('\n') ? text : text.replace(/\\n/g, '\n');
  return unescaped
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && line.replace(/[\s*^]/g, '') !== '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
