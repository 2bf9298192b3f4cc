import type { Snapshot } from '../core/types.js';
import { assertNotHtml, bodyDetail } from '../http/status.js';
import type { HttpResponse } from '../http/types.js';

/**
 * A target the provider does not know (yet): `not_found`, which the engine waits out for `discovery-timeout`.
 * The provider's own words, if its answer has any, follow the explanation. A login or proxy page saying
 * "not found" is a wrong url, not a missing target: an error.
 */
export function notFoundSnapshot(response: HttpResponse, context: string, explanation: string): Snapshot {
  assertNotHtml(response, context);
  const said = bodyDetail(response);
  return { state: 'not_found', providerStatus: 'NOT_FOUND', message: said ? `${explanation} (${said})` : explanation };
}
