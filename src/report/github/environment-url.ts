import { parseHttpUrl } from '../../config/values.js';
import type { RunResult } from '../../core/types.js';

/**
 * SAP: without `environment-url`, the Deployment links to the endpoint of the run's one integration flow —
 * only when exactly one flow has exactly one endpoint; with more there is no right choice.
 */
export function defaultEnvironmentUrl(result: RunResult | undefined): string | undefined {
  const lists = Object.values(result?.endpoints ?? {});
  const only = lists.length === 1 && lists[0]?.length === 1 ? lists[0][0] : undefined;
  return only !== undefined && !('error' in parseHttpUrl(only)) ? only : undefined;
}
