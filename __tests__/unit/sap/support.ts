/** Real inputs and answers for the SAP unit tests: parsed the way the action parses them. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../../src/config/config.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import type { HttpResponse } from '../../../src/http/types.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'sap-cloud-integration');

export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** A body a real tenant sent (`__tests__/fixtures/sap/README.md` names each one's public source). */
export const recorded = (name: string): string => readFileSync(join(FIXTURES, '..', 'sap', name), 'utf8');

/** A Config as parseConfig builds it from these inputs (provider preset). */
export function sapConfig(inputs: Record<string, string>): Config {
  const all: Record<string, string> = { provider: 'sap-cloud-integration', ...inputs };
  return parseConfig((name) => all[name] ?? '');
}

export function response(
  status: number,
  body: string,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers: { 'content-type': contentType, ...headers },
    setCookies: [],
    body,
    url: 'https://tenant.example/api/v1/x',
    contentType,
  };
}
