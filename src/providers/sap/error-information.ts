/**
 * `IntegrationRuntimeArtifacts('…')/ErrorInformation/$value`: why a deploy failed, as SAP's
 * message tree `{"message":{…,"messageText":"… {0} …","parameter":[…]},"childInstances":[…]}`. Pure.
 */
import type { LogLine } from '../../core/types.js';
import { excerpt } from '../../http/status.js';
import { isRecord } from '../../core/json.js';

export interface ErrorDetails {
  /** one line for the snapshot's message */
  summary: string;
  /** every message of the tree, parents first */
  logs: LogLine[];
}

const MAX_LINES = 20;
const MAX_DEPTH = 6;
const SUMMARY_LENGTH = 400;

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

/** The details in a body of ErrorInformation/$value; plain text is taken as it is. Undefined when blank. */
export function errorDetailsFrom(body: string): ErrorDetails | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch {
    tree = undefined;
  }
  const lines = isRecord(tree) ? messagesOf(tree) : [];
  if (lines.length === 0) {
    return { summary: excerpt(text, SUMMARY_LENGTH), logs: [{ level: 'ERROR', message: excerpt(text, 2000) }] };
  }
  const [first, ...children] = lines.map((line) => line.message);
  // The root often only says "deploy failed"; its first child says why.
  const summary = children.length > 0 && children[0] !== first ? `${first} — ${children[0]}` : (first ?? '');
  return { summary: excerpt(summary, SUMMARY_LENGTH), logs: lines };
}

function messagesOf(tree: Record<string, unknown>): LogLine[] {
  const lines: LogLine[] = [];
  const visit = (node: Record<string, unknown>, depth: number): void => {
    if (lines.length >= MAX_LINES || depth > MAX_DEPTH) return;
    const text = messageText(node.message);
    if (text) lines.push({ level: 'ERROR', message: text });
    // SAP's tenants have used both names for the nested messages.
    const children = node.childInstances ?? node.childMessageInstances;
    if (Array.isArray(children)) for (const child of children) if (isRecord(child)) visit(child, depth + 1);
  };
  visit(tree, 0);
  return lines;
}

function messageText(message: unknown): string | undefined {
  if (typeof message === 'string') return message.trim() || undefined;
  if (!isRecord(message)) return undefined;
  const template = typeof message.messageText === 'string' ? message.messageText : '';
  const parameters = Array.isArray(message.parameter) ? message.parameter : [];
  const text = fillParameters(template, parameters).trim();
  const id = typeof message.messageId === 'string' ? message.messageId.trim() : '';
  return text || id || undefined;
}
