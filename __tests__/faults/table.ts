/** The fault suite's figures as a markdown table, one row per provider and a total. */
import type { ScenarioOutcome } from './harness.ts';

const VERDICT_COLUMNS = ['succeeded', 'degraded', 'failed', 'inactive', 'not_found', 'timed_out', 'error'] as const;

export function formatTable(outcomes: readonly ScenarioOutcome[], run: { seed: number; rate: number }): string {
  const providers = [...new Set(outcomes.map((outcome) => outcome.provider))];
  const header = [
    'provider',
    'scenarios',
    ...VERDICT_COLUMNS,
    'other',
    'timed_out hidden by faults',
    'correct',
    'faults injected',
    'max end past timeout',
  ];
  const rows = [
    ...providers.map((provider) =>
      row(
        provider,
        outcomes.filter((o) => o.provider === provider),
      ),
    ),
    row('total', outcomes),
  ];
  return [
    `Fault suite: seed ${run.seed}, fault rate ${Math.round(run.rate * 100)}%`,
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `Faults injected by kind: ${faultCounts(outcomes)}`,
  ].join('\n');
}

function faultCounts(outcomes: readonly ScenarioOutcome[]): string {
  const counts = new Map<string, number>();
  for (const fault of outcomes.flatMap((outcome) => outcome.faults)) counts.set(fault, (counts.get(fault) ?? 0) + 1);
  return [...counts].map(([fault, count]) => `${fault} ${count}`).join(', ');
}

function row(label: string, outcomes: readonly ScenarioOutcome[]): string[] {
  const count = (verdict: string): number => outcomes.filter((outcome) => outcome.verdict === verdict).length;
  const known = new Set<string>(VERDICT_COLUMNS);
  const overrun = Math.max(0, ...outcomes.map((outcome) => outcome.durationMs - outcome.timeoutMs));
  return [
    label,
    String(outcomes.length),
    ...VERDICT_COLUMNS.map((verdict) => String(count(verdict))),
    String(outcomes.filter((outcome) => !known.has(outcome.verdict)).length),
    String(outcomes.filter((outcome) => outcome.ends && outcome.verdict === 'timed_out').length),
    String(outcomes.filter((outcome) => outcome.accepted.includes(outcome.verdict)).length),
    String(outcomes.reduce((total, outcome) => total + outcome.faults.length, 0)),
    `${(overrun / 1000).toFixed(2)} s`,
  ];
}
