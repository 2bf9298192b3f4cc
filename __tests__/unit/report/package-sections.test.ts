import { describe, expect, it } from 'vitest';
import { buildOutputs } from '../../../src/report/outputs.ts';
import { deployOrderSection, endpointsCell, skippedLine } from '../../../src/report/package-sections.ts';
import { buildSummary } from '../../../src/report/summary.ts';
import { run, SAP_INFO, target } from './results.ts';

const packageRun = () => ({
  ...run([
    { ...target('Order_Scripts', 'succeeded'), skipped: true },
    target('Country_Codes', 'succeeded'),
    target('Orders_iFlow', 'succeeded'),
    target('Billing_iFlow', 'failed'),
  ]),
  deployOrder: [
    { name: 'script collections, value mappings, message mappings', targets: ['Order_Scripts', 'Country_Codes'] },
    { name: 'integration flows', targets: ['Orders_iFlow', 'Billing_iFlow'] },
  ],
  endpoints: { Orders_iFlow: ['https://rt.example/http/orders?x=<b>'] },
});

describe('package sections of the summary', () => {
  it('counts the skipped artifacts and names them', () => {
    expect(skippedLine(packageRun())).toBe(
      '1 artifact unchanged (that version already started), not deployed again: <code>Order_Scripts</code>',
    );
    expect(skippedLine(run([target('a', 'succeeded')]))).toBe('');
  });

  it('shows the deploy order, group by group', () => {
    expect(deployOrderSection(packageRun())).toBe(
      '### Deploy order\n\nEach group was followed to its end before the next was deployed.\n\n' +
        '1. script collections, value mappings, message mappings (2): <code>Order_Scripts</code>, <code>Country_Codes</code>\n' +
        '2. integration flows (2): <code>Orders_iFlow</code>, <code>Billing_iFlow</code>',
    );
    expect(deployOrderSection(run([target('a', 'succeeded')]))).toBe('');
  });

  it("lists a flow's endpoints in its row, escaped, a few and how many more", () => {
    expect(endpointsCell(['https://rt.example/http/orders?x=<b>'])).toBe(
      '<code>https://rt.example/http/orders?x=&lt;b&gt;</code>',
    );
    expect(endpointsCell(['a', 'b', 'c', 'd', 'e'])).toBe(
      '<code>a</code><br><code>b</code><br><code>c</code> … 2 more in output `endpoints`',
    );
    expect(endpointsCell([])).toBe('');
    expect(endpointsCell(undefined)).toBe('');
  });

  it('are in the summary, and the outputs say the same', () => {
    const summary = buildSummary(packageRun(), SAP_INFO);
    expect(summary).toContain('### Deploy order');
    expect(summary).toMatch(/^\| Target \|.* \| Endpoints \|$/m);
    expect(summary).toContain('<code>https://rt.example/http/orders?x=&lt;b&gt;</code> |');
    expect(summary).toContain('1 artifact unchanged');
    const outputs = buildOutputs(packageRun());
    expect(outputs.skipped).toBe('Order_Scripts');
    expect(JSON.parse(outputs.endpoints)).toEqual({ Orders_iFlow: ['https://rt.example/http/orders?x=<b>'] });
    expect(buildOutputs(run([target('a', 'succeeded')]))).toMatchObject({ skipped: '', endpoints: '{}' });
  });
});
