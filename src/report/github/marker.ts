/** The hidden marker that finds this step's sticky PR comment again on the next run. */
import { createHash } from 'node:crypto';
import type { RunInfo } from '../types.js';
import type { GithubRunContext } from './context.js';

/** Longer id lists go into the marker as a digest: a PR comment must stay under 65,536 characters. */
const MAX_READABLE_IDS = 100;

/**
 * `<!-- await-deploy:nl-flow:wf-1,wf-2:deploy:3f2a9c0e1b7d4a65 -->`: one comment per provider, targets, job and
 * place — the last part is a digest of the endpoint (`url`) and `environment`, so two steps of one job that
 * watch the same id on different clusters keep separate comments. Percent-encoding keeps ids from closing the
 * comment early (`-->` cannot survive it) and from colliding with the separators.
 */
export function stickyMarker(info: RunInfo, context: GithubRunContext, environment = ''): string {
  const ids = encodeURIComponent(info.ids.join(','));
  const key = [
    encodeURIComponent(info.provider),
    ids.length <= MAX_READABLE_IDS ? ids : `ids-${digest(info.ids)}`,
    encodeURIComponent(context.job),
    digest([info.endpoint, environment]),
  ];
  return `<!-- await-deploy:${key.join(':')} -->`;
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
