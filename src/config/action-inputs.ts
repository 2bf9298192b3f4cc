/**
 * action.yml's words for each input (its description and literal default), for the command line's
 * `--help`: read from action.yml itself, which the bundle carries as an asset, so they are written once.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { InputName } from './inputs.js';

export interface ActionInput {
  description: string;
  /** the default where it is a literal (not a runner expression such as `${{ github.token }}`) */
  default?: string;
}

let loaded: ReadonlyMap<string, ActionInput> | undefined;

function load(): ReadonlyMap<string, ActionInput> {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
  };
  return new Map(
    Object.entries(action.inputs).map(([name, input]) => {
      const literal = input.default !== undefined && !/^\$\{\{.*\}\}$/.test(input.default);
      return [name, { description: input.description, ...(literal ? { default: input.default } : {}) }];
    }),
  );
}

export function actionInput(name: InputName): ActionInput {
  loaded ??= load();
  const input = loaded.get(name);
  if (!input) throw new Error(`action.yml has no input '${name}'`);
  return input;
}
