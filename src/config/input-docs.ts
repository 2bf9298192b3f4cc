/**
 * Where each input applies and whether it is a true/false one, for the command line's flags and `--help`
 * (what it means and its default are action.yml's, read by `actionInput`). Keyed by InputName, so an
 * input without its row does not compile.
 */
import type { ProviderName } from './config.js';
import type { InputName } from './inputs.js';

/** Where an input applies: every provider, some of them, or the GitHub reporting. */
export type InputScope = 'every provider' | 'GitHub reporting' | readonly ProviderName[];

export interface InputDoc {
  scope: InputScope;
  /** takes true or false (a bare `--flag` on the command line means true) */
  boolean?: true;
}

const SAP: readonly ProviderName[] = ['sap-cloud-integration'];
const SAP_AND_OPENSEARCH: readonly ProviderName[] = ['sap-cloud-integration', 'opensearch-flow-framework'];
const OPENSEARCH: readonly ProviderName[] = ['opensearch-flow-framework'];
const ALL = 'every provider';
const GITHUB = 'GitHub reporting';

export const INPUT_DOCS: Record<InputName, InputDoc> = {
  provider: { scope: ALL },
  url: { scope: ALL },
  id: { scope: ALL },
  deploy: { scope: SAP_AND_OPENSEARCH, boolean: true },
  version: { scope: SAP },
  'artifact-type': { scope: SAP },
  token: { scope: ALL },
  'api-key': { scope: ['nl-flow'] },
  username: { scope: SAP_AND_OPENSEARCH },
  password: { scope: SAP_AND_OPENSEARCH },
  'service-key': { scope: SAP },
  'client-id': { scope: SAP },
  'client-secret': { scope: SAP },
  'token-url': { scope: SAP },
  'client-certificate': { scope: SAP },
  'client-key': { scope: SAP },
  package: { scope: SAP },
  exclude: { scope: SAP },
  'skip-unchanged': { scope: SAP, boolean: true },
  'max-parallel': { scope: ALL },
  template: { scope: OPENSEARCH },
  'use-case': { scope: OPENSEARCH },
  parameters: { scope: OPENSEARCH },
  'aws-region': { scope: OPENSEARCH },
  'aws-service': { scope: OPENSEARCH },
  headers: { scope: ALL },
  'ca-certificate': { scope: ALL },
  timeout: { scope: ALL },
  interval: { scope: ALL },
  'max-interval': { scope: ALL },
  backoff: { scope: ALL },
  'request-timeout': { scope: ALL },
  'discovery-timeout': { scope: ALL },
  'stall-timeout': { scope: ALL },
  'allow-degraded': { scope: ALL, boolean: true },
  'fail-on-not-ready': { scope: ALL, boolean: true },
  summary: { scope: ALL, boolean: true },
  'github-token': { scope: GITHUB },
  'pr-comment': { scope: GITHUB, boolean: true },
  'commit-status': { scope: GITHUB },
  environment: { scope: GITHUB },
  'environment-url': { scope: GITHUB },
};
