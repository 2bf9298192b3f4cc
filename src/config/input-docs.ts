/**
 * What each input means, for the command line's `--help` (action.yml says the same to GitHub; a test
 * keeps the two equal). Keyed by InputName, so an input without its row does not compile.
 */
import type { ProviderName } from './config.js';
import type { InputName } from './inputs.js';

/** Where an input applies: every provider, some of them, or the GitHub reporting. */
export type InputScope = 'every provider' | 'GitHub reporting' | readonly ProviderName[];

export interface InputDoc {
  /** action.yml's description, word for word */
  description: string;
  scope: InputScope;
  /** action.yml's default, where it is a literal */
  default?: string;
  /** takes true or false (a bare `--flag` on the command line means true) */
  boolean?: true;
}

const SAP: readonly ProviderName[] = ['sap-cloud-integration'];
const SAP_AND_OPENSEARCH: readonly ProviderName[] = ['sap-cloud-integration', 'opensearch-flow-framework'];
const OPENSEARCH: readonly ProviderName[] = ['opensearch-flow-framework'];
const ALL = 'every provider';
const GITHUB = 'GitHub reporting';

export const INPUT_DOCS: Record<InputName, InputDoc> = {
  provider: {
    description: 'Which API to follow: sap-cloud-integration, opensearch-flow-framework, nl-flow or installer.',
    scope: ALL,
  },
  url: {
    description:
      'Base URL of the provider (SAP: tenant URL, with or without /api/v1; NL Flow: host or the full workflow status endpoint). Optional for SAP with a service-key that has url.',
    scope: ALL,
  },
  id: {
    description:
      'Target id(s): SAP artifact Id, OpenSearch workflow id, NL Flow workflow id. Several ids, separated by newlines or commas, are watched together. Not used by installer.',
    scope: ALL,
  },
  deploy: {
    description: 'Trigger the deploy first (SAP, OpenSearch).',
    scope: SAP_AND_OPENSEARCH,
    default: 'false',
    boolean: true,
  },
  version: { description: 'SAP: designtime artifact version to deploy.', scope: SAP, default: 'active' },
  'artifact-type': {
    description: 'SAP: integration-flow, value-mapping, script-collection or message-mapping.',
    scope: SAP,
    default: 'integration-flow',
  },
  token: { description: 'Bearer token (installer; also accepted by the others).', scope: ALL },
  'api-key': { description: 'NL Flow API key, sent as X-API-KEY.', scope: ['nl-flow'] },
  username: { description: 'HTTP Basic auth user (OpenSearch, SAP).', scope: SAP_AND_OPENSEARCH },
  password: { description: 'HTTP Basic auth password (OpenSearch, SAP).', scope: SAP_AND_OPENSEARCH },
  'service-key': {
    description:
      'SAP service key JSON (oauth.clientid, oauth.clientsecret, oauth.tokenurl, oauth.url; a key without the oauth wrapper, and the camelCase spelling, too): OAuth2 client credentials. A certificate (X.509) key (certificate + key, certurl) authenticates the token request over mutual TLS.',
    scope: SAP,
  },
  'client-id': { description: 'SAP OAuth2 client id (without a service key).', scope: SAP },
  'client-secret': { description: 'SAP OAuth2 client secret (without a service key).', scope: SAP },
  'token-url': { description: 'SAP OAuth2 token URL (without a service key).', scope: SAP },
  'client-certificate': {
    description:
      'SAP: PEM client certificate, for OAuth2 client credentials over mutual TLS with client-id and token-url (instead of client-secret).',
    scope: SAP,
  },
  'client-key': { description: 'SAP: PEM private key of client-certificate (unencrypted).', scope: SAP },
  package: {
    description:
      'SAP: integration package id(s). Every designtime artifact of the package (integration flows, value mappings, script collections, message mappings) is a target; combined with id when both are given. With deploy, script collections, value mappings and message mappings are deployed first, then the integration flows.',
    scope: SAP,
  },
  exclude: { description: 'SAP: artifact ids of a package to leave out (newlines or commas).', scope: SAP },
  'skip-unchanged': {
    description:
      'SAP with deploy: an artifact whose runtime already shows STARTED with the version that would be deployed is not deployed again (succeeded, listed in output skipped).',
    scope: SAP,
    default: 'false',
    boolean: true,
  },
  'max-parallel': {
    description: 'The most requests in flight at once (deploys and reads, over all targets); 1-64.',
    scope: ALL,
    default: '8',
  },
  template: {
    description:
      'OpenSearch: a workflow template, as a path (relative to the workspace) to a .json, .yaml or .yml file, or the template itself (JSON or YAML). The workflow is created or updated and provisioned (implies deploy).',
    scope: OPENSEARCH,
  },
  'use-case': {
    description:
      'OpenSearch: create the workflow from a built-in use case template (?use_case=<name>) and provision it (implies deploy); parameters fill it.',
    scope: OPENSEARCH,
  },
  parameters: {
    description:
      "OpenSearch: substitution values, one 'key=value' per line (or a flat JSON object of strings): they fill the template placeholders named by their keys, or are the body of a use-case create. Masked, never printed, never in a URL.",
    scope: OPENSEARCH,
  },
  'aws-region': {
    description:
      'OpenSearch on AWS: sign every request with AWS Signature V4 for this region, with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment (as aws-actions/configure-aws-credentials sets them). Not combined with username/password/token.',
    scope: OPENSEARCH,
  },
  'aws-service': {
    description: 'SigV4 service name: es (Amazon OpenSearch Service) or aoss (OpenSearch Serverless).',
    scope: OPENSEARCH,
    default: 'es',
  },
  headers: { description: "Extra request headers, one 'Name: value' per line.", scope: ALL },
  'ca-certificate': {
    description: "PEM of a CA to trust in addition to the system's (self-signed clusters).",
    scope: ALL,
  },
  timeout: {
    description:
      'Overall wall-clock limit for the whole wait, triggering included (90, 90s, 5m, 1h30m, 250ms; a bare number is seconds). More than 0, at most 596h.',
    scope: ALL,
    default: '10m',
  },
  interval: {
    description:
      'Delay between status reads while a deploy is young; the second read is a quick look after 0.4 × interval. More than 0, at most 596h.',
    scope: ALL,
    default: '5s',
  },
  'max-interval': {
    description:
      'Cap of the delay between reads. More than 0, at most 596h; a cap below interval is raised to interval.',
    scope: ALL,
    default: '30s',
  },
  backoff: {
    description:
      'Growth of the delay between reads: (backoff - 1) × the time already waited (failed requests not counted), at least interval, at most max-interval (1 = fixed interval); delays get ±20% jitter within those bounds. A number from 1 to 10.',
    scope: ALL,
    default: '1.5',
  },
  'request-timeout': {
    description: 'Limit for one HTTP request (never beyond what is left of timeout). More than 0, at most 596h.',
    scope: ALL,
    default: '30s',
  },
  'discovery-timeout': {
    description:
      'How long a target that is not found yet (404) is waited for before it counts as not_found. After deploy, the whole timeout applies. 0 or more, at most 596h.',
    scope: ALL,
    default: '0s',
  },
  'stall-timeout': {
    description: 'Stop with failed when nothing in the status changes for this long (0s = off). At most 596h.',
    scope: ALL,
    default: '0s',
  },
  'allow-degraded': {
    description: 'Count degraded (usable, not fully healthy, e.g. NL Flow YELLOW) as ready.',
    scope: ALL,
    default: 'false',
    boolean: true,
  },
  'fail-on-not-ready': {
    description:
      'Mark the step failed when the verdict is not ready; false leaves the decision to later steps via the outputs.',
    scope: ALL,
    default: 'true',
    boolean: true,
  },
  summary: { description: 'Write the job summary.', scope: ALL, default: 'true', boolean: true },
  'github-token': {
    description: 'Token for the GitHub reporting (PR comment, commit status, deployment).',
    scope: GITHUB,
  },
  'pr-comment': {
    description: 'Create or update one sticky comment on the pull request with the verdict table.',
    scope: GITHUB,
    default: 'false',
    boolean: true,
  },
  'commit-status': {
    description:
      'Context name; when set, a commit status pending at start and success/failure/error at the end (for branch protection).',
    scope: GITHUB,
  },
  environment: {
    description:
      'When set, a GitHub Deployment for this environment, with in_progress then success/failure/error/inactive statuses.',
    scope: GITHUB,
  },
  'environment-url': {
    description:
      "environment_url for that Deployment (SAP: defaults to the endpoint of the run's one integration flow, when it has exactly one).",
    scope: GITHUB,
  },
};
