/** Every input name of action.yml, in one place (SPEC "Inputs"). */
export const INPUT = {
  provider: 'provider',
  url: 'url',
  id: 'id',
  deploy: 'deploy',
  version: 'version',
  artifactType: 'artifact-type',
  token: 'token',
  apiKey: 'api-key',
  username: 'username',
  password: 'password',
  serviceKey: 'service-key',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  tokenUrl: 'token-url',
  clientCertificate: 'client-certificate',
  clientKey: 'client-key',
  package: 'package',
  exclude: 'exclude',
  skipUnchanged: 'skip-unchanged',
  maxParallel: 'max-parallel',
  headers: 'headers',
  caCertificate: 'ca-certificate',
  template: 'template',
  useCase: 'use-case',
  parameters: 'parameters',
  awsRegion: 'aws-region',
  awsService: 'aws-service',
  timeout: 'timeout',
  interval: 'interval',
  maxInterval: 'max-interval',
  backoff: 'backoff',
  requestTimeout: 'request-timeout',
  discoveryTimeout: 'discovery-timeout',
  stallTimeout: 'stall-timeout',
  allowDegraded: 'allow-degraded',
  failOnNotReady: 'fail-on-not-ready',
  summary: 'summary',
  githubToken: 'github-token',
  prComment: 'pr-comment',
  commitStatus: 'commit-status',
  environment: 'environment',
  environmentUrl: 'environment-url',
} as const;

export type InputName = (typeof INPUT)[keyof typeof INPUT];

/** Inputs whose values are credentials: masked at once, never echoed in an error. */
export const SECRET_INPUTS: readonly InputName[] = [
  INPUT.token,
  INPUT.apiKey,
  INPUT.password,
  INPUT.serviceKey,
  INPUT.clientSecret,
  INPUT.clientKey,
  INPUT.githubToken,
  INPUT.parameters,
];

/** Every output name of action.yml (SPEC "Outputs"). */
export const OUTPUT = {
  status: 'status',
  ready: 'ready',
  providerStatus: 'provider-status',
  message: 'message',
  progress: 'progress',
  taskId: 'task-id',
  attempts: 'attempts',
  duration: 'duration',
  result: 'result',
  skipped: 'skipped',
  endpoints: 'endpoints',
  workflowId: 'workflow-id',
  resources: 'resources',
} as const;

export type OutputName = (typeof OUTPUT)[keyof typeof OUTPUT];
