/**
 * The summary and the PR comment as a reader sees them: rendered by a GFM renderer (markdown-it, the
 * CommonMark + GFM tables parser; an npm devDependency, so CI needs no system package), then checked
 * for their HTML structure.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { VERDICT_SEVERITY, type Verdict } from '../../../src/core/types.ts';
import { buildPrComment } from '../../../src/report/github/comment.ts';
import { stickyMarker } from '../../../src/report/github/marker.ts';
import { MAX_GANTT_TARGETS } from '../../../src/report/gantt.ts';
import { buildSummary } from '../../../src/report/summary.ts';
import { pullRequestContext } from './github/fixtures.ts';
import {
  HOSTILE,
  OPENSEARCH_INFO,
  SAP_INFO,
  changes,
  fiftyTargets,
  inputError,
  nlFlowFailed,
  run,
  target,
} from './results.ts';

const markdown = new MarkdownIt({ html: true });

/** `<tag …>…</tag>` contents, tags stripped: what a reader sees of each. */
function texts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) =>
    (match[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  );
}

/** The header cells of each table. */
function tableHeaders(html: string): string[][] {
  return [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((match) => texts(match[1] ?? '', 'th'));
}

/** A SAP run of two flows: the first ends with `verdict`, the second succeeded (or the same, for a ready run). */
function runEndingWith(verdict: Verdict) {
  const reached = verdict === 'timed_out' || verdict === 'cancelled' ? 'in_progress' : verdict;
  const first = target('Order_Sync', verdict, {
    providerStatus: reached === 'in_progress' ? 'STARTING' : 'ERROR',
    message: `Order_Sync ended ${verdict}`,
    snapshot: {
      providerStatus: 'ERROR',
      message: `Order_Sync ended ${verdict}`,
      logs: verdict === 'failed' ? [{ level: 'ERROR', message: 'Script file script1.groovy not found' }] : undefined,
    },
    durationMs: 30_000,
    timeline: changes([400, 'in_progress', 'DEPLOYING'], [30_000, verdict, 'ERROR']),
  });
  const second = target('Billing_Sync', 'succeeded', {
    snapshot: { providerStatus: 'STARTED', message: 'started' },
    durationMs: 12_000,
    timeline: changes([300, 'in_progress', 'DEPLOYING'], [12_000, 'succeeded', 'STARTED']),
  });
  return run([first, second], verdict === 'degraded', 30_000);
}

const INFO = { ...SAP_INFO, ids: ['Order_Sync', 'Billing_Sync'] };

describe('the rendered summary', () => {
  for (const verdict of VERDICT_SEVERITY) {
    it(`${verdict}: one verdict heading naming what is not ready, the target table, the timeline chart`, () => {
      const result = runEndingWith(verdict);
      const html = markdown.render(buildSummary(result, { ...INFO, allowDegraded: verdict === 'degraded' }));
      const headings = texts(html, 'h2');
      expect(headings).toHaveLength(1);
      expect(headings[0]).toMatch(result.ready ? /^\S+ Deploy (ready|degraded)/ : /: Order_Sync$/);
      expect(headings[0]).not.toContain('Billing_Sync');
      const [targets] = tableHeaders(html);
      // No target has progress: that column is left out, the others stay.
      expect(targets).toEqual(['Target', 'State', 'Provider status', 'Duration', 'Message']);
      expect(html).toContain('<pre><code class="language-mermaid">gantt\n');
      expect(html).not.toContain('<blockquote>');
      // each message once: in the table
      expect(html.split(`Order_Sync ended ${verdict}`)).toHaveLength(2);
      // nothing meant as a table is left as a paragraph of pipes
      expect(texts(html, 'p').filter((text) => text.startsWith('|'))).toEqual([]);
    });
  }

  it('an input error: the heading and the message as a quote, no table, no chart', () => {
    const html = markdown.render(buildSummary(inputError(), OPENSEARCH_INFO));
    expect(texts(html, 'h2')).toEqual(['💥 Deploy could not be checked']);
    expect(texts(html, 'blockquote')[0]).toContain("Input 'timeout' has value 'soon'");
    expect(html).not.toContain('<table>');
    expect(html).not.toContain('mermaid');
  });

  it(`more than ${MAX_GANTT_TARGETS} targets: the timeline is a table, not a chart`, () => {
    const html = markdown.render(buildSummary(fiftyTargets(), OPENSEARCH_INFO));
    expect(html).not.toContain('mermaid');
    expect(tableHeaders(html)).toContainEqual([
      'Elapsed',
      'Target',
      'State',
      'Provider status',
      'Time in previous state',
    ]);
    expect(tableHeaders(html)[0]).toContain('Progress');
  });

  it('hostile provider text stays text: no element, no link, no image, the chart still closes', () => {
    const hostile = run([
      target(HOSTILE, 'failed', {
        snapshot: { providerStatus: HOSTILE, message: HOSTILE, logs: [{ message: HOSTILE }] },
        timeline: changes([100, 'in_progress', HOSTILE], [900, 'failed', HOSTILE]),
      }),
    ]);
    const html = markdown.render(buildSummary(hostile, { ...OPENSEARCH_INFO, ids: [HOSTILE] }));
    expect(html).not.toMatch(/<script|<img|<a |<h2>[^<]*heading/);
    const chart = html.match(/<code class="language-mermaid">([\s\S]*?)<\/code>/)?.[1] ?? '';
    expect(chart).toContain('section boom');
    expect(chart.split('\n').filter((line) => line.includes(' :')).length).toBe(2);
  });
});

describe('the rendered PR comment', () => {
  it('one heading naming the failed target, the table and the chart', () => {
    const context = pullRequestContext();
    const info = { ...OPENSEARCH_INFO, provider: 'nl-flow' as const, ids: ['support-triage'] };
    const html = markdown.render(buildPrComment(nlFlowFailed(), info, context, stickyMarker(info, context)));
    expect(texts(html, 'h3')).toEqual(['❌ Deploy failed: support-triage']);
    expect(tableHeaders(html)[0]).toEqual(['Target', 'State', 'Provider status', 'Progress', 'Duration', 'Message']);
    expect(html).toContain('<pre><code class="language-mermaid">gantt\n');
  });
});
