import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BYTES, buildSummary } from '../../../src/report/summary.ts';
import {
  HOSTILE,
  NL_FLOW_INFO,
  OPENSEARCH_INFO,
  SAP_INFO,
  changes,
  fiftyTargets,
  inputError,
  nlFlowFailed,
  opensearchReady,
  opensearchTimedOut,
  run,
  sapCancelled,
  target,
} from './results.ts';

const FIFTY_INFO = { ...OPENSEARCH_INFO, ids: fiftyTargets().targets.map((t) => t.id) };

describe('buildSummary', () => {
  it('ready: headline, target table with a full bar, components, timeline and polling figures', async () => {
    const summary = buildSummary(opensearchReady(), OPENSEARCH_INFO);
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-ready.md');
    expect(summary).toMatch(/^## ✅ Deploy ready\n/);
    expect(summary).toContain('<code>https://search.example.com:9200</code>');
    expect(summary).toContain('▰▰▰▰▰▰▰▰▰▰ 100%');
    expect(summary).toContain('register_remote_model');
    expect(summary).toContain('  in_progress PROVISIONING 36.9s :active, t2, 5400, 42300\n');
    expect(summary).toContain('4 status reads · 0 transient errors retried · 42.3s · timeout 10m');
  });

  it('failed: components and the log lines, unfolded', async () => {
    const summary = buildSummary(nlFlowFailed(), NL_FLOW_INFO);
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-failed.md');
    expect(summary).toMatch(/^## ❌ Deploy failed: support-triage\n/);
    expect(summary).toContain('<summary>Components: 3 (1 not succeeded)</summary>');
    expect(summary).toContain('| classifier | service | ❌ failed | RED | 0 / 2 |');
    expect(summary).toContain('<details open><summary>3 log lines</summary>');
    expect(summary).toContain('2025-03-14T09:28:02Z ERROR classifier-0: Unschedulable');
    expect(summary).toContain('2 transient errors retried');
  });

  it('timed out: says the deploy may still finish and how to wait longer', async () => {
    const summary = buildSummary(opensearchTimedOut(), OPENSEARCH_INFO);
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-timed-out.md');
    expect(summary).toMatch(/^## ⌛ Deploy timed out: wf-1\n/);
    expect(summary).toContain('Raise `timeout`');
    expect(summary).toContain('▰▰▰▰▰▱▱▱▱▱ 50%');
  });

  it('cancelled: the SAP task id and version are shown', async () => {
    const summary = buildSummary(sapCancelled(), SAP_INFO);
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-cancelled.md');
    expect(summary).toMatch(/^## 🚫 Wait cancelled: Orders_Replication\n/);
    expect(summary).toContain('version <code>1.0.3</code>');
    expect(summary).toContain('task <code>8b1c0a3e-5f2d-4c1a-9e77-0d3f2a6b9c10</code>');
  });

  it('input error: the message and what to do, no empty tables', async () => {
    const summary = buildSummary(inputError(), { ...OPENSEARCH_INFO, endpoint: '', ids: [] });
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-input-error.md');
    expect(summary).toMatch(/^## 💥 Deploy could not be checked\n/);
    expect(summary).toContain("Input 'timeout' has value 'soon'");
    expect(summary).not.toContain('| Target |');
    expect(summary).not.toContain('opensearch-flow-framework');
    expect(summary).not.toContain('### Polling');
  });

  it('50 targets: bounded, the worst kept, the rest cut with "… N more"', async () => {
    const summary = buildSummary(fiftyTargets(), FIFTY_INFO);
    await expect(summary).toMatchFileSnapshot('__snapshots__/summary-fifty.md');
    expect(Buffer.byteLength(summary)).toBeLessThan(64 * 1024);
    expect(summary).toContain('… 20 more targets: 20 succeeded');
    expect(summary).toContain('… 40 more targets without details');
    expect(summary).toMatch(/\| … \d+ more changes \|/);
    expect(summary).toContain(
      'workflows <code>wf-01</code>, <code>wf-02</code>, <code>wf-03</code>, <code>wf-04</code>, <code>wf-05</code> … 45 more',
    );
    // the failed, timed out and degraded targets are among the rows shown
    for (const id of ['wf-18', 'wf-34', 'wf-42']) expect(summary).toContain(`| <code>${id}</code> |`);
  });

  it('stays far below 1 MiB whatever the provider sends', () => {
    // three bytes per character: what a provider answering in Japanese would send
    const long = '語'.repeat(20_000);
    const targets = Array.from({ length: 300 }, (_, index) =>
      target(`${long}-${index}`, 'failed', {
        providerStatus: long,
        message: long,
        snapshot: {
          providerStatus: long,
          message: long,
          components: Array.from({ length: 500 }, () => ({
            name: long,
            kind: long,
            state: 'failed' as const,
            message: long,
          })),
          logs: Array.from({ length: 500 }, () => ({ message: long })),
        },
        timeline: changes(
          ...Array.from({ length: 100 }, (_, i): [number, 'in_progress', string] => [i, 'in_progress', long]),
        ),
      }),
    );
    const summary = buildSummary(run(targets), { ...OPENSEARCH_INFO, ids: targets.map((t) => t.id) });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES + 1024);
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(summary).toContain('more sections left out to keep the summary small');
    expect(summary).toContain('### Polling');
  });

  it('shows log lines without colour codes, embedded newlines marked, long lines cut', () => {
    const logs = [
      { level: 'error', message: '\x1b[31mFAILED\x1b[0m step 3\nCaused by: timeout' },
      { message: 'L'.repeat(1_000) },
    ];
    const summary = buildSummary(
      run([target('s-1', 'failed', { snapshot: { providerStatus: 'failed', logs } })]),
      OPENSEARCH_INFO,
    );
    expect(summary).toContain('ERROR FAILED step 3 ⏎ Caused by: timeout');
    expect(summary).not.toContain('\x1b');
    expect(summary).toContain(`${'L'.repeat(299)}…`);
    expect(summary).not.toContain('L'.repeat(300));
  });

  it('escapes hostile provider text everywhere it appears', () => {
    const hostile = run([
      target(HOSTILE, 'failed', {
        snapshot: {
          providerStatus: HOSTILE,
          message: HOSTILE,
          components: [
            {
              name: HOSTILE,
              kind: HOSTILE,
              state: 'failed',
              providerStatus: HOSTILE,
              message: HOSTILE,
              details: { [HOSTILE]: HOSTILE },
            },
          ],
          logs: [{ time: HOSTILE, level: HOSTILE, message: `${HOSTILE}</pre></details><img src=x>` }],
        },
        timeline: changes([1, 'failed', HOSTILE]),
      }),
    ]);
    const summary = buildSummary(hostile, { ...OPENSEARCH_INFO, ids: [HOSTILE], version: HOSTILE });
    expect(summary).not.toMatch(/<script|<!--|<img|<\/pre><\/details>/);
    expect(summary).not.toMatch(/@octocat|@org\/team/);
    expect(summary).toContain('@\u200boctocat');
    expect(summary).toContain('&lt;script&gt;');
    // every table row has as many cell separators as its header: no `|` from the provider splits a cell
    for (const block of summary.split('\n\n').filter((b) => b.startsWith('| '))) {
      const [header = '', ...rows] = block.split('\n');
      const separators = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(separators(row)).toBe(separators(header));
    }
    // provider text never starts a line (no headings, no list items, no blockquotes of its own)
    for (const line of summary.split('\n')) expect(line).not.toMatch(/^(## heading|line3)/);
  });
});
