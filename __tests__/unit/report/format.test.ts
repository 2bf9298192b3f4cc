import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/core/redact.ts';
import {
  cut,
  defuseMentions,
  inlineCode,
  inlineText,
  preformatted,
  progressBar,
  table,
} from '../../../src/report/format.ts';
import { buildOutputs } from '../../../src/report/outputs.ts';
import { redactResult } from '../../../src/report/redact-result.ts';
import { buildSummary } from '../../../src/report/summary.ts';
import { OPENSEARCH_INFO, run, target } from './results.ts';

describe('inlineText', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<!-- await-deploy:x -->', '&lt;!-- await-deploy:x --&gt;'],
    ['line\nbreak\r\nand\ttab', 'line break and tab'],
    ['`code` and **bold** and _it_ and ~~gone~~', '\\`code\\` and \\*\\*bold\\*\\* and \\_it\\_ and \\~\\~gone\\~\\~'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['a & b "q"', 'a &amp; b &quot;q&quot;'],
    ['ends with backslash \\', 'ends with backslash \\\\'],
    ['cc @octocat and @org/team', 'cc @\u200boctocat and @\u200borg/team'],
    ['fixes #12', 'fixes #\u200b12'],
    ['snake_case_id and __init__ and _x', 'snake_case_id and \\_\\_init\\_\\_ and \\_x'],
  ])('%j → %j', (raw, escaped) => {
    expect(inlineText(raw)).toBe(escaped);
  });

  it('cuts before escaping, so an entity or escape is never cut in half', () => {
    expect(inlineText('<<<<<<', 4)).toBe('&lt;&lt;&lt;…');
    expect(inlineText('a'.repeat(500))).toHaveLength(300);
  });
});

describe('inlineCode', () => {
  it('uses <code>, which backticks in the text cannot close', () => {
    expect(inlineCode('a`b')).toBe('<code>a\\`b</code>');
    expect(inlineCode('')).toBe('');
  });
});

describe('preformatted', () => {
  it('escapes HTML so the text cannot close the block, keeps newlines', () => {
    expect(preformatted(['</pre><b>x</b>', '@alice & co'])).toBe(
      '<pre>&lt;/pre&gt;&lt;b&gt;x&lt;/b&gt;\n@\u200balice &amp; co</pre>',
    );
  });
});

describe('defuseMentions', () => {
  it('leaves e-mail addresses readable and a lone @ alone', () => {
    expect(defuseMentions('mail ops@example.com @ noon')).toBe('mail ops@\u200bexample.com @ noon');
  });
});

describe('progressBar', () => {
  it.each([
    [undefined, ''],
    [0, '▱▱▱▱▱▱▱▱▱▱ 0%'],
    [42, '▰▰▰▰▱▱▱▱▱▱ 42%'],
    [100, '▰▰▰▰▰▰▰▰▰▰ 100%'],
    [250, '▰▰▰▰▰▰▰▰▰▰ 100%'],
    [Number.NaN, ''],
  ])('%s → %j', (progress, bar) => {
    expect(progressBar(progress)).toBe(bar);
  });
});

describe('cut and table', () => {
  it('marks the cut', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abc', 4)).toBe('abc');
  });
  it('builds a header, a separator and the rows', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('redactResult', () => {
  it('blanks secrets the provider echoed before escaping could hide them', () => {
    const secret = 's3cr_t|pa**word';
    const redactor = new Redactor();
    redactor.add(secret);
    const echoed = `login failed for password ${secret}`;
    const result = {
      ...run([
        target('wf-1', 'failed', {
          message: echoed,
          snapshot: {
            providerStatus: echoed,
            message: echoed,
            components: [{ name: echoed, kind: 'k', state: 'failed', message: echoed, details: { auth: echoed } }],
            logs: [{ message: echoed }],
          },
        }),
      ]),
      endpoints: { 'wf-1': [`https://rt.example/http/${secret}`] },
      deployOrder: [{ name: 'flows', targets: [`x-${secret}`] }],
    };
    // Without redacting first, the escaped summary hides the secret from a plain text search
    const naive = redactor.redact(buildSummary(result, OPENSEARCH_INFO));
    expect(naive).toContain('s3cr_t\\|pa\\*\\*word');

    const safe = redactResult(result, (text) => redactor.redact(text));
    const summary = buildSummary(safe, OPENSEARCH_INFO);
    const outputs = JSON.stringify(buildOutputs(safe));
    for (const text of [summary, outputs]) {
      expect(text).not.toContain('s3cr');
      expect(text).not.toContain('pa**word');
      expect(text).not.toContain('pa\\*\\*word');
    }
    expect(summary).toContain('password \\*\\*\\*');
  });
});
