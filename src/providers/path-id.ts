import { INPUT } from '../config/inputs.js';
import { InputError } from '../core/errors.js';

/**
 * Ids that go into a URL path as one segment. `.` and `..` cannot: URL parsing resolves them, even
 * percent-encoded, so the request would reach another resource than the id's.
 */
export function assertPathSegmentIds(ids: readonly string[], what: string): void {
  const dots = ids.find((id) => /^\.{1,2}$/.test(id));
  if (dots === undefined) return;
  throw new InputError(
    INPUT.id,
    `Input '${INPUT.id}' has '${dots}', which cannot be ${what}: it would address another path on the server.`,
  );
}
