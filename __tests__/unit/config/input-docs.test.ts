/** The command line's --help says what action.yml says: same descriptions, same defaults, same booleans. */
import { describe, expect, it } from 'vitest';
import { actionInput } from '../../../src/config/action-inputs.ts';
import { INPUT_DOCS } from '../../../src/config/input-docs.ts';
import { INPUT, type InputName } from '../../../src/config/inputs.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import { InputError } from '../../../src/core/errors.ts';
import { entries } from '../../support/action-yml.ts';

const actionInputs = entries('inputs');
const names = Object.values(INPUT) as InputName[];
/** `${{ github.token }}` is the runner's; the command line falls back to GITHUB_TOKEN instead. */
const RUNNER_EXPRESSION = /^\$\{\{.*\}\}$/;

const base: Partial<Record<InputName, string>> = {
  provider: 'opensearch-flow-framework',
  url: 'https://search.example:9200',
  id: 'wf-1',
};

/** The message the one parser gives for `name: 'perhaps'`, or '' when it accepts it. */
function complaintAbout(name: InputName): string {
  const given: Partial<Record<InputName, string>> = { ...base, [name]: 'perhaps' };
  try {
    parseConfig((input) => given[input] ?? '');
    return '';
  } catch (error) {
    return error instanceof InputError && error.input === name ? error.message : '';
  }
}

describe('the command line reads action.yml', () => {
  it.each(names)('%s: has the description of action.yml', (name) => {
    expect(actionInput(name).description).toBe(actionInputs.get(name)?.description);
  });

  it.each(names)('%s: has the default of action.yml', (name) => {
    const inActionYml = actionInputs.get(name)?.default;
    const literal = inActionYml !== undefined && !RUNNER_EXPRESSION.test(inActionYml) ? inActionYml : undefined;
    expect(actionInput(name).default).toBe(literal);
  });

  it('calls boolean exactly the inputs the parser reads as true or false', () => {
    const booleans = names.filter((name) => /expected true or false/.test(complaintAbout(name)));
    expect(booleans.length).toBeGreaterThan(3);
    expect(names.filter((name) => INPUT_DOCS[name].boolean)).toEqual(booleans);
  });
});
