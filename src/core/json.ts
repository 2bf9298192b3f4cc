/** Type guards for JSON of unknown shape, and lookups of the words it carries. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** `table[key]` for the table's own entries only: a provider word like `constructor` is not a state. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A provider word in a table keyed by upper-case words: compared case-insensitively, surrounding spaces ignored. */
export function lookupWord<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return ownEntry(table, word.trim().toUpperCase());
}

/** What a JSON value is, in words, for a message about a field of the wrong type (the value itself may be huge). */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value).slice(0, 40)}`;
}
