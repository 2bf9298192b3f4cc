/**
 * The README works when copied: every `yaml` block parses, and every key under `with:` of a step
 * that uses this action is an input of action.yml.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const ACTION = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { description: string }>;
};

/** Each ```yaml block with the line it starts on, for a message that says where to look. */
function yamlBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (!/^```ya?ml\s*$/.test(lines[index] ?? '')) continue;
    const end = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line));
    blocks.push({ line: index + 1, text: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return blocks;
}

/** Every mapping in a parsed document that has `uses: …/await-deploy@…` (the steps of this action). */
function actionSteps(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(actionSteps);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.uses === 'string' && /(^|\/)await-deploy@/.test(record.uses) ? [record] : [];
  return [...own, ...Object.values(record).flatMap(actionSteps)];
}

const blocks = yamlBlocks(README);

describe('README yaml', () => {
  it('has yaml examples, and the check sees a step of this action and its keys', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const steps = actionSteps(
      parse('jobs:\n  a:\n    steps:\n      - uses: o/await-deploy@v1\n        with: { timout: 5m }'),
    );
    expect(steps.map((step) => Object.keys(step.with as object))).toEqual([['timout']]);
    expect('timout' in ACTION.inputs).toBe(false);
  });

  for (const block of blocks) {
    it(`the block at line ${block.line} parses, and its steps use only inputs of action.yml`, () => {
      const documents = parseAllDocuments(block.text);
      const list = Array.isArray(documents) ? documents : [documents];
      for (const document of list) {
        expect(document.errors.map((error) => error.message)).toEqual([]);
      }
      for (const step of list.flatMap((document) => actionSteps(document.toJS()))) {
        const keys = Object.keys((step.with ?? {}) as Record<string, unknown>);
        expect(keys.filter((key) => !(key in ACTION.inputs))).toEqual([]);
      }
    });
  }
});

describe('README inputs table', () => {
  /** `| \`backoff\` | \`1.5\` | meaning |` rows → input name → meaning. */
  const rows = new Map(
    [...README.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| (.*) \|$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );
  const LIMIT = /at most [\d.]+\s*\w*|from \d+ to \d+|more than 0|0 or more/gi;

  it('lists every input of action.yml', () => {
    expect(Object.keys(ACTION.inputs).filter((name) => !rows.has(name))).toEqual([]);
  });

  it('every limit the README states is in the action.yml description too', () => {
    const missing = [...rows].flatMap(([name, meaning]) =>
      (meaning.match(LIMIT) ?? [])
        .filter((limit) => !(ACTION.inputs[name]?.description ?? '').includes(limit))
        .map((limit) => `${name}: ${limit}`),
    );
    expect(missing).toEqual([]);
    expect(ACTION.inputs.backoff?.description).toContain('from 1 to 10');
  });
});
