/** Lists one integration package: its four designtime collections at once, each request in its own slot. */
import type { ArtifactType } from '../../config/config.js';
import { HttpError } from '../../http/errors.js';
import type { HttpResponse } from '../../http/types.js';
import type { CallOptions, FindOptions } from '../types.js';
import { readCollection } from './collection.js';
import { DESIGNTIME_COLLECTIONS, packageUrls, type ListedArtifact, type PackageListing } from './packages.js';

export interface ListingContext {
  root: string;
  get(url: string, call: CallOptions): Promise<HttpResponse>;
  warn(message: string): void;
}

export async function listPackage(
  packageId: string,
  context: ListingContext,
  options: FindOptions,
): Promise<PackageListing> {
  const types = Object.keys(DESIGNTIME_COLLECTIONS) as ArtifactType[];
  const lists = await Promise.all(types.map((type) => listCollection(packageId, type, context, options)));
  // The flows' collection answers 404 for an unknown package; the others may be missing on older tenants.
  if (lists[types.indexOf('integration-flow')] === 'missing') return { packageId, missing: true };
  const artifacts = lists.flatMap((list, index) => {
    const type = types[index] as ArtifactType;
    if (list !== 'missing') return list;
    context.warn(
      `integration package '${packageId}': the tenant does not list ${DESIGNTIME_COLLECTIONS[type]}; none taken`,
    );
    return [];
  });
  return { packageId, artifacts };
}

async function listCollection(
  packageId: string,
  type: ArtifactType,
  context: ListingContext,
  options: FindOptions,
): Promise<ListedArtifact[] | 'missing'> {
  const what = `listing ${DESIGNTIME_COLLECTIONS[type]} of integration package '${packageId}'`;
  const entries = await readCollection(
    packageUrls.collection(context.root, packageId, type),
    what,
    (url, call) => context.get(url, call),
    options.call,
  );
  if (entries === 'missing') return entries;
  return entries.map((entry) => {
    const id = entry.properties.Id?.trim();
    // Skipping it would leave an artifact undeployed behind a green verdict.
    if (!id) throw new HttpError(`${what}: an entry has no Id`, { kind: 'permanent', status: 200 });
    return { id, type };
  });
}
