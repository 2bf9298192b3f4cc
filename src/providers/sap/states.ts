/**
 * SAP's status words → normalized states (SPEC "sap-cloud-integration"), and the snapshots built
 * from one BuildAndDeployStatus or IntegrationRuntimeArtifacts entity. Pure.
 */
import { lookupWord } from '../../core/json.js';
import type { Component, Snapshot, TargetState } from '../../core/types.js';
import { excerpt } from '../../http/status.js';
import { parseODataDate, type ODataEntity } from './odata.js';

/** Phase 1. `built` means: the build is done, the runtime decides (phase 2). */
export type BuildOutcome = 'in_progress' | 'built' | 'failed';

export const BUILD_STATES: Readonly<Record<string, BuildOutcome>> = {
  DEPLOYING: 'in_progress',
  SUCCESS: 'built',
  FAIL: 'failed',
  FAIL_ON_LICENSE_ERROR: 'failed',
};

/** Phase 2, the artifact in the runtime. */
export const RUNTIME_STATES: Readonly<Record<string, TargetState>> = {
  STARTED: 'succeeded',
  STARTING: 'in_progress',
  STOPPING: 'in_progress',
  ERROR: 'failed',
};

/** What the runtime entry must show to count as the result of this run's deploy. */
export interface Expectation {
  /** the designtime version deployed; undefined for `active` (any version) */
  version?: string;
  /** after a deploy: an entry deployed before this (epoch ms) is left over from an earlier deploy */
  deployedNotBeforeMs?: number;
}

const NO_STATUS = '(no status)';

/** A BuildAndDeployStatus entity that is not SUCCESS (the caller moves on to phase 2 on SUCCESS). */
export function buildSnapshot(taskId: string, entity: ODataEntity): Snapshot {
  const word = entity.Status?.trim() ?? '';
  const outcome = lookupWord(BUILD_STATES, word);
  const providerStatus = word || NO_STATUS;
  if (outcome === 'in_progress')
    return { state: 'in_progress', providerStatus, message: `building and deploying (task ${taskId})` };
  if (outcome === 'failed') return { state: 'failed', providerStatus, message: buildFailure(word) };
  return {
    state: 'unknown',
    providerStatus,
    message: word
      ? `unrecognized build status '${excerpt(word, 60)}' (task ${taskId})`
      : `the build status of task ${taskId} has no Status`,
  };
}

function buildFailure(word: string): string {
  return word.toUpperCase() === 'FAIL_ON_LICENSE_ERROR'
    ? `build and deploy failed: the tenant's license does not cover this artifact (${word})`
    : `build and deploy failed (${word})`;
}

/** An IntegrationRuntimeArtifacts entity, checked against what this run deployed. */
export function runtimeSnapshot(id: string, entity: ODataEntity, expectation: Expectation): Snapshot {
  const word = entity.Status?.trim() ?? '';
  const providerStatus = word || NO_STATUS;
  const mapped = lookupWord(RUNTIME_STATES, word) ?? 'unknown';
  const stale = staleness(entity, expectation);
  const state: TargetState = stale ? 'in_progress' : mapped;
  return {
    state,
    providerStatus,
    message: stale ?? runtimeMessage(mapped, word, entity),
    components: [artifactComponent(id, entity, state)],
  };
}

/** Why the entry is left over from an earlier deploy; undefined when it may be this run's. */
export function staleness(entity: ODataEntity, expectation: Expectation): string | undefined {
  const version = entity.Version?.trim();
  if (expectation.version !== undefined && version !== expectation.version) {
    return `the runtime still shows version ${version || '(none)'} (${entity.Status ?? NO_STATUS}) — waiting for version ${expectation.version}`;
  }
  if (expectation.deployedNotBeforeMs === undefined) return undefined;
  const deployedOn = parseODataDate(entity.DeployedOn);
  if (deployedOn === undefined) {
    // Without a date, an entry of this version from an earlier deploy looks exactly like this run's.
    return `the runtime entry (${entity.Status ?? NO_STATUS}) has no readable DeployedOn, so it cannot be told from an earlier deploy — waiting for one that has`;
  }
  if (deployedOn < expectation.deployedNotBeforeMs) {
    return `the runtime still shows the deploy of ${new Date(deployedOn).toISOString()} (${entity.Status ?? NO_STATUS}), from before this run — waiting for the new one`;
  }
  return undefined;
}

function runtimeMessage(state: TargetState, word: string, entity: ODataEntity): string {
  const version = entity.Version ? ` version ${entity.Version}` : '';
  switch (state) {
    case 'succeeded':
      return `started${version}${entity.DeployedBy ? `, deployed by ${entity.DeployedBy}` : ''}`;
    case 'in_progress':
      return `${word.toLowerCase()}${version}`;
    case 'failed':
      return `runtime status ${word}`;
    default:
      return word ? `unrecognized runtime status '${excerpt(word, 60)}'` : 'the runtime artifact has no Status';
  }
}

const COMPONENT_DETAILS: readonly (readonly [string, string])[] = [
  ['Name', 'name'],
  ['Type', 'type'],
  ['Version', 'version'],
  ['DeployedBy', 'deployed by'],
  ['DeployedOn', 'deployed on'],
];

function artifactComponent(id: string, entity: ODataEntity, state: TargetState): Component {
  const details: Record<string, string> = {};
  for (const [property, label] of COMPONENT_DETAILS) {
    const value = entity[property]?.trim();
    if (!value) continue;
    const date = property === 'DeployedOn' ? parseODataDate(value) : undefined;
    details[label] = date === undefined ? value : new Date(date).toISOString();
  }
  const component: Component = { name: entity.Name?.trim() || id, kind: 'artifact', state, details };
  if (entity.Status) component.providerStatus = entity.Status;
  return component;
}
