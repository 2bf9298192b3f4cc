/**
 * The HTTP endpoints of the integration flows that succeeded: one `ServiceEndpoints?$expand=EntryPoints`
 * read per run (every page). An entry belongs to a flow when its `Name` is the flow's id; each of its entry
 * points gives one URL. Pure, but for the URL.
 */
import type { CollectionEntry } from './collection.js';

export const serviceEndpointsUrl = (root: string): string => `${root}/ServiceEndpoints?$expand=EntryPoints`;

/** flow id → its endpoint URLs (none: an empty list), for each flow asked about. */
export function endpointsOf(entries: readonly CollectionEntry[], flows: readonly string[]): Record<string, string[]> {
  const endpoints: Record<string, string[]> = {};
  for (const flow of flows) {
    const urls = entries
      .filter((entry) => entry.properties.Name === flow)
      .flatMap((entry) => entry.expanded.EntryPoints ?? [])
      .flatMap((point) => (point.properties.Url ? [point.properties.Url] : []));
    endpoints[flow] = [...new Set(urls)];
  }
  return endpoints;
}
