/**
 * `package`: every designtime artifact of an integration package is a target, with the type of the
 * collection it was listed in; dependencies (script collections, value mappings, message mappings) are
 * deployed before the integration flows that may reference them. The planning is pure.
 */
import type { ArtifactType } from '../../config/config.js';
import type { DeployStage } from '../../core/types.js';
import type { DecidedTarget, FoundTargets } from '../types.js';
import { encodedLiteral } from './odata.js';

/** Each artifact type's designtime collection, dependencies first. */
export const DESIGNTIME_COLLECTIONS: Readonly<Record<ArtifactType, string>> = {
  'script-collection': 'ScriptCollectionDesigntimeArtifacts',
  'value-mapping': 'ValueMappingDesigntimeArtifacts',
  'message-mapping': 'MessageMappingDesigntimeArtifacts',
  'integration-flow': 'IntegrationDesigntimeArtifacts',
};

export const packageUrls = {
  collection: (root: string, packageId: string, type: ArtifactType): string =>
    `${root}/IntegrationPackages(${encodedLiteral(packageId)})/${DESIGNTIME_COLLECTIONS[type]}`,
  /** `{Type}DesigntimeArtifacts(Id='…',Version='…')` */
  designtime: (root: string, type: ArtifactType, id: string, version: string): string =>
    `${root}/${DESIGNTIME_COLLECTIONS[type]}(Id=${encodedLiteral(id)},Version=${encodedLiteral(version)})`,
};

export interface ListedArtifact {
  id: string;
  type: ArtifactType;
}

/** What listing one package gave: its artifacts, or `missing` when the tenant does not know it. */
export type PackageListing = { packageId: string } & ({ artifacts: ListedArtifact[] } | { missing: true });

export interface PlannedTargets extends FoundTargets {
  /** every target's artifact type: from its package's listing, else `artifact-type` */
  types: Map<string, ArtifactType>;
}

export interface TargetInputs {
  /** the `id` input, deployed as `artifact-type` */
  ids: readonly string[];
  artifactType: ArtifactType;
  exclude: readonly string[];
}

const DEPENDENCIES = 'script collections, value mappings, message mappings';
const FLOWS = 'integration flows';

/**
 * The union of the packages' artifacts (minus `exclude`) and the `id` input, dependencies first. An
 * unknown package is a decided `not_found`; a known one with nothing left to deploy is a mistake in the
 * inputs, and throws.
 */
export function planTargets(listings: readonly PackageListing[], inputs: TargetInputs): PlannedTargets {
  const excluded = new Set(inputs.exclude);
  const types = new Map<string, ArtifactType>();
  const decided: DecidedTarget[] = [];
  for (const listing of listings) {
    if ('missing' in listing) {
      decided.push({
        id: listing.packageId,
        verdict: 'not_found',
        message: `integration package '${listing.packageId}' does not exist on this tenant — check the package Id (not its name) and url`,
      });
      continue;
    }
    const kept = listing.artifacts.filter((artifact) => !excluded.has(artifact.id));
    if (kept.length === 0) {
      const why = listing.artifacts.length === 0 ? 'it has no artifacts' : `all its artifacts are in 'exclude'`;
      throw new Error(`integration package '${listing.packageId}' has nothing to deploy: ${why}`);
    }
    for (const artifact of kept) if (!types.has(artifact.id)) types.set(artifact.id, artifact.type);
  }
  for (const id of inputs.ids) if (!types.has(id)) types.set(id, inputs.artifactType);
  const ids = [...types.keys()];
  const dependencies = ids.filter((id) => types.get(id) !== 'integration-flow');
  const flows = ids.filter((id) => types.get(id) === 'integration-flow');
  return {
    targets: [...dependencies, ...flows],
    stages: [
      { name: DEPENDENCIES, targets: dependencies },
      { name: FLOWS, targets: flows },
    ] satisfies DeployStage[],
    ...(decided.length > 0 ? { decided } : {}),
    types,
  };
}
