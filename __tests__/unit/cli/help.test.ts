import { describe, expect, it } from 'vitest';
import { helpText } from '../../../src/cli/help.ts';
import { INPUT, type InputName } from '../../../src/config/inputs.ts';
import { entries } from '../../support/action-yml.ts';

const help = helpText();
/** `--help` as sections: title → its lines. */
const sections = new Map(
  help.split('\n\n').map((block) => {
    const [title = '', ...lines] = block.split('\n');
    return [title, lines.join('\n')];
  }),
);
const section = (start: string): string => [...sections].find(([title]) => title.startsWith(start))?.[1] ?? '';

describe('--help', () => {
  it.each(Object.values(INPUT))('lists --%s', (name) => {
    expect(help).toMatch(new RegExp(`^ {2}--${name}[ [=]`, 'm'));
  });

  it('groups the inputs by provider', () => {
    expect(section('SAP Integration Suite')).toContain('--service-key VALUE');
    expect(section('SAP Integration Suite')).not.toContain('--api-key');
    expect(section('expert.ai NL Flow')).toContain('--api-key VALUE');
    expect(section('OpenSearch Flow Framework')).toContain('--password VALUE');
    expect(section('OpenSearch Flow Framework')).not.toContain('--service-key');
    expect(section('ZStack Cloud installer')).toContain('the inputs of every provider');
    expect(section('Every provider')).toContain('--timeout VALUE');
    expect(section('GitHub reporting')).toContain('--commit-status VALUE');
  });

  it('shows defaults, booleans and secrets', () => {
    expect(help).toMatch(/--timeout VALUE +Overall wall-clock limit[^]*?Default: 10m\./);
    expect(help).toMatch(/--deploy\[=true\|false\] +Trigger the deploy first/);
    expect(help).toMatch(/--api-key VALUE .*Secret\./);
    expect(help).toMatch(/--summary FILE +Write the summary markdown to FILE/);
    expect(help).toMatch(/--github-token TOKEN .*\n.*Default: \$GITHUB_TOKEN\. Secret\./);
  });

  it('fits 100 columns', () => {
    const long = help.split('\n').filter((line) => line.length > 100);
    expect(long).toEqual([]);
  });

  it('lists the exit codes', () => {
    expect(section('Exit codes')).toMatch(/^ {2}4 +timed_out$/m);
    expect(section('Exit codes')).toMatch(/^ {2}143 +cancelled by SIGTERM$/m);
  });

  it('takes every description from action.yml', () => {
    const flat = help.replace(/\n {30}/g, ' ');
    const cliOwn: InputName[] = [INPUT.summary, INPUT.githubToken];
    for (const [name, input] of entries('inputs')) {
      if (!cliOwn.includes(name as InputName)) expect(flat).toContain(input.description);
    }
  });
});
