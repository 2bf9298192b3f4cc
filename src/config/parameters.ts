/**
 * The `parameters` input: substitution values, `key=value` per line or a flat JSON object of strings.
 * Pure. Errors name the line and the key, never a value: every value may be a secret.
 */
import { isRecord } from '../core/json.js';

export type ParametersParse = { parameters: Record<string, string> } | { error: string };

const KEY = /^[A-Za-z0-9_.-]+$/;

export function parseParameters(text: string): ParametersParse {
  const trimmed = text.trim();
  if (trimmed === '') return { parameters: {} };
  return trimmed.startsWith('{') ? fromJson(trimmed) : fromLines(text);
}

function fromJson(text: string): ParametersParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'starts with { but is not valid JSON' };
  }
  if (!isRecord(parsed)) {
    return { error: 'is not a JSON object' };
  }
  const parameters: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!KEY.test(key)) return { error: `has key '${shownKey(key)}': keys are letters, digits, '_', '.' and '-'` };
    if (typeof value !== 'string') return { error: `has a value for '${key}' that is not a string` };
    parameters[key] = value;
  }
  return { parameters };
}

function fromLines(text: string): ParametersParse {
  const parameters: Record<string, string> = {};
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!KEY.test(key)) return { error: `line ${index + 1} is not of the form 'key=value'` };
    if (key in parameters) return { error: `line ${index + 1} repeats the key '${key}'` };
    parameters[key] = line.slice(equals + 1).trim();
  }
  return { parameters };
}

const shownKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);
