import { describe, expect, it } from 'vitest';
import { MAX_GANTT_TARGETS, ganttChart } from '../../../src/report/gantt.ts';
import { changes, fiftyTargets, nlFlowFailed, run, target } from './results.ts';

describe('ganttChart', () => {
  it('one section per target, a bar per state with its length, the final state as a marker', () => {
    expect(ganttChart(nlFlowFailed())).toBe(
      [
        '```mermaid',
        'gantt',
        '  dateFormat x',
        '  axisFormat %M:%S',
        '  todayMarker off',
        '  section support-triage',
        '  in_progress PUBLISHED/ORANGE/SYNC 1m11s :active, t1, 300, 71000',
        '  failed PUBLISHED/RED/SYNC :crit, milestone, t2, 71000, 71000',
        '```',
      ].join('\n'),
    );
  });

  it('a short run reads seconds and milliseconds on its axis; a long one hours', () => {
    const quick = run([target('a', 'succeeded', { timeline: changes([10, 'succeeded', 'OK']) })], false, 900);
    expect(ganttChart(quick)).toContain('  axisFormat %S.%L\n');
    const long = run([target('a', 'succeeded', { timeline: changes([10, 'succeeded', 'OK']) })], false, 4_000_000);
    expect(ganttChart(long)).toContain('  axisFormat %H:%M:%S\n');
  });

  it(`draws nothing for more than ${MAX_GANTT_TARGETS} targets, or when no state was seen`, () => {
    expect(ganttChart(fiftyTargets())).toBe('');
    expect(ganttChart(run([target('a', 'timed_out')]))).toBe('');
    const flapping = changes(
      ...Array.from({ length: 61 }, (_, index): [number, 'in_progress' | 'pending', string] => [
        index * 1000,
        index % 2 ? 'in_progress' : 'pending',
        '',
      ]),
    );
    expect(ganttChart(run([target('a', 'in_progress', { timeline: flapping })]))).toBe('');
  });

  it('names keep nothing Mermaid would read as syntax', () => {
    const chart = ganttChart(
      run([target('id: #1; %%x `y`', 'failed', { timeline: changes([5, 'failed', 'a:b,c;d#e']) })]),
    );
    expect(chart).toContain('  section id 1 x y\n');
    expect(chart).toContain('  failed a b c d e :crit, milestone, t1, 5, 5\n');
  });
});
