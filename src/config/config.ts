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
  wait: WaitSettings;
  failOnNotReady: boolean;
  summary: boolean;
  github: GithubSettings;
}
