/**
 * Turning provider text into markdown that renders as the text it is. Provider strings come
 * from systems we do not control: they may hold HTML, table breakers, newlines, comment
 * openers or @mentions, and must neither break the layout nor ping anyone.
 */

import { withoutFormatCharacters } from '../core/text.js';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Newlines, tabs and other control characters would end a table row or a heading; format characters are invisible. */
export function oneLine(text: string): string {
  return withoutFormatCharacters(text)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** At most `max` characters, the cut marked with "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * A zero-width space after `@` keeps `@user` and `@org/team` readable but stops GitHub from
 * notifying them; after `#` it stops `#12` from cross-referencing issue 12.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(?=[\w-])/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b');
}

/** An `_` between two letters or digits never starts emphasis: `snake_case` ids stay as they are. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/**
 * Provider text for an inline markdown context (a table cell, a heading, a list item): one
 * line, at most `max` characters, HTML and markdown syntax shown literally.
 */
export function inlineText(text: string, max = 300): string {
  const escaped = escapeHtml(cut(oneLine(text), max))
    .replace(/[\\`*[\]|~]/g, (char) => `\\${char}`)
    .replace(EMPHASIS_UNDERSCORE, '\\_');
  return defuseMentions(escaped);
}

/** Provider text as code inside inline markdown; `<code>` rather than backticks, which the text may contain. */
export function inlineCode(text: string, max = 120): string {
  return text === '' ? '' : `<code>${inlineText(text, max)}</code>`;
}

/** Lines for a `<pre>` block: GitHub renders its content as HTML, so escaping HTML is enough. */
export function preformatted(lines: readonly string[]): string {
  return `<pre>${defuseMentions(escapeHtml(withoutFormatCharacters(lines.join('\n'))))}</pre>`;
}

/** The first `max` items, and how many were left out. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}

/** The last `max` items (log tails), and how many came before. */
export function lastOf<T>(items: readonly T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(Math.max(0, items.length - max)), omitted: Math.max(0, items.length - max) };
}

export function moreLine(omitted: number, what: string): string {
  return omitted > 0 ? `… ${omitted} more ${what}` : '';
}

const BAR_CELLS = 10;

/** `▰▰▰▰▱▱▱▱▱▱ 40%`; empty when the provider gives no progress. */
export function progressBar(progress: number | undefined): string {
  if (progress === undefined || !Number.isFinite(progress)) return '';
  const percent = Math.min(100, Math.max(0, Math.round(progress)));
  const filled = Math.round((percent / 100) * BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${percent}%`;
}

/** A markdown table; cells must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A table without the columns that are empty in every row (the first column always stays). */
export function compactTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const kept = header.map((_, column) => column === 0 || rows.some((row) => (row[column] ?? '') !== ''));
  const pick = (cells: readonly string[]): string[] => cells.filter((_, column) => kept[column]);
  return table(pick(header), rows.map(pick));
}

/** A collapsible section; the blank lines let GitHub render markdown inside it. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** Plain-text form of a count: `1 read`, `2 reads`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
