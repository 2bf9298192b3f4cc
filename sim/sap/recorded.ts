/**
 * Bodies real tenants sent, kept as test fixtures with their public sources
 * (`__tests__/fixtures/sap/README.md`): the simulator answers with them, so the provider is tested
 * against shapes tenants send rather than shapes we imagined.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RECORDED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '__tests__', 'fixtures', 'sap');

const load = (name: string): string => readFileSync(join(RECORDED, name), 'utf8').trim();

/** `ErrorInformation/$value` bodies, by what they show. */
export const RECORDED_ERROR_INFORMATION = {
  /** empty messageText, the diagnostic ("Script file 'script1.groovy' not found") in `parameter` beside it */
  generationFailed: load('error-information-generation-failed.json'),
  /** a parameter that is a JSON string of a nested tree with `childMessageInstances` */
  nestedString: load('error-information-nested-string.json'),
  /** the documented tree: `parameter` inside `message`, the cause two `childInstances` down */
  childInstances: load('error-information-child-instances.json'),
} as const;
