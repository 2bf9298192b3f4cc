export const PROVIDER_NAMES = ['sap-cloud-integration', 'opensearch-flow-framework', 'nl-flow', 'installer'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const ARTIFACT_TYPES = ['integration-flow', 'value-mapping', 'script-collection', 'message-mapping'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

/** Credentials as given; which ones a provider uses, and in which order, is the provider's business. */
export interface Credentials {
  token?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** raw JSON text of the SAP service key; parsed and validated by the SAP provider */
  serviceKey?: string;
  clientId?: string;
  clientSecret?: string;
  tokenUrl?: string;
  /** SAP: PEM client certificate and its private key, for client credentials over mutual TLS */
  clientCertificate?: string;
  clientKey?: string;
}

export const AWS_SERVICES = ['es', 'aoss'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** OpenSearch: deploying from a template or a use case, and signing for AWS (SPEC "templates"). */
export interface OpenSearchSettings {
  /** the `template` input as given: a workspace path or the template itself; read and parsed by the provider */
  template?: string;
  useCase?: string;
  /** substitution values; secrets all of them */
  parameters: Record<string, string>;
  /** set with `aws-region`: every request is signed with SigV4 */
  aws?: { region: string; service: AwsService };
}

/** What the run takes from its environment besides the inputs. */
export interface RunEnvironment {
  /** GITHUB_WORKSPACE, where `template` files are looked up ('' outside a runner: the working directory) */
  workspace: string;
  /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, as configure-aws-credentials sets them */
  awsCredentials: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string };
}

export interface WaitSettings {
  timeoutMs: number;
  intervalMs: number;
  maxIntervalMs: number;
  backoff: number;
  requestTimeoutMs: number;
  discoveryTimeoutMs: number;
  /** 0 = off */
  stallTimeoutMs: number;
  allowDegraded: boolean;
}

export interface GithubSettings {
  token?: string;
  prComment: boolean;
  commitStatus?: string;
  environment?: string;
  environmentUrl?: string;
}

/** All inputs, parsed and validated once. */
export interface Config {
  provider: ProviderName;
  /** the `url` input as given (trimmed); absent only where the provider can derive it */
  url?: string;
  /** target ids: split on newlines/commas, trimmed, blanks dropped, duplicates removed */
  ids: string[];
  deploy: boolean;
  version: string;
  artifactType: ArtifactType;
  /** SAP: integration package ids whose artifacts are targets too */
  packages: string[];
  /** SAP: artifact ids of those packages to leave out */
  exclude: string[];
  /** SAP with deploy: an artifact whose runtime already runs the version to deploy is not deployed again */
  skipUnchanged: boolean;
  /** the most requests in flight at once, over all targets */
  maxParallel: number;
  credentials: Credentials;
  /** extra request headers from `headers` */
  headers: Record<string, string>;
  caCertificate?: string;
  opensearch: OpenSearchSettings;
  environment: RunEnvironment;
  wait: WaitSettings;
  failOnNotReady: boolean;
  summary: boolean;
  github: GithubSettings;
}
