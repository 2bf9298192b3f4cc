/**
 * `skip-unchanged`: before a deploy, the version it would deploy (the given `version`, or for `active`
 * the designtime artifact's current one) is compared with what the runtime runs. STARTED with that
 * version: nothing is sent. An edit saved without "Save as version" keeps the number: the README warns.
 */
import type { ArtifactType } from '../../config/config.js';
import { lookupWord } from '../../core/json.js';
import type { Snapshot } from '../../core/types.js';
import { assertSameTarget, assertStatus } from '../../http/status.js';
import type { HttpResponse } from '../../http/types.js';
import type { CallOptions } from '../types.js';
import { isEntityNotFound, readEntity, sapUrls, type ODataEntity } from './odata.js';
import { packageUrls } from './packages.js';
import { RUNTIME_STATES, runtimeSnapshot } from './states.js';

export interface UnchangedCheck {
  root: string;
  id: string;
  type: ArtifactType;
  /** the `version` input */
  version: string;
  get(url: string, call: CallOptions): Promise<HttpResponse>;
}

/** The snapshot of an artifact that needs no deploy; undefined when it must be deployed. */
export async function unchangedSnapshot(check: UnchangedCheck, call: CallOptions): Promise<Snapshot | undefined> {
  const version = await versionToDeploy(check, call);
  if (version === undefined) return undefined;
  const runtime = await readOptional(check, sapUrls.runtime(check.root, check.id), 'reading the runtime status', call);
  if (!runtime || !isUnchanged(runtime, version)) return undefined;
  return { ...runtimeSnapshot(check.id, runtime, {}), message: `unchanged (version ${version} already started)` };
}

/** The runtime already runs this version, and runs it well. */
export function isUnchanged(runtime: ODataEntity, version: string): boolean {
  return (
    lookupWord(RUNTIME_STATES, runtime.Status?.trim() ?? '') === 'succeeded' && runtime.Version?.trim() === version
  );
}

async function versionToDeploy(check: UnchangedCheck, call: CallOptions): Promise<string | undefined> {
  if (check.version.toLowerCase() !== 'active') return check.version.trim();
  const url = packageUrls.designtime(check.root, check.type, check.id, 'active');
  const designtime = await readOptional(check, url, 'reading the designtime version', call);
  // Unknown here: the deploy request will say why, in SAP's words.
  return designtime?.Version?.trim() || undefined;
}

async function readOptional(
  check: UnchangedCheck,
  url: string,
  what: string,
  call: CallOptions,
): Promise<ODataEntity | undefined> {
  const context = `${what} of '${check.id}'`;
  const response = await check.get(url, call);
  if (isEntityNotFound(response)) return undefined;
  assertStatus(response, [200], context);
  const entity = await readEntity(response, context);
  assertSameTarget(entity.Id, check.id, 'artifact', context);
  return entity;
}
