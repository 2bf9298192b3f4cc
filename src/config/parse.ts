import { InputError } from '../core/errors.js';
import {
  ARTIFACT_TYPES,
  AWS_SERVICES,
  type AwsService,
  type OpenSearchSettings,
  type RunEnvironment,
  PROVIDER_NAMES,
  type ArtifactType,
  type Config,
  type ProviderName,
  type WaitSettings,
} from './config.js';
import { INPUT, type InputName } from './inputs.js';
import { parseParameters } from './parameters.js';
import {
  HEADER_VALUE_PROBLEM,
  isHeaderValue,
  parseBoolean,
  parseDuration,
  parseHeaders,
  parseHttpUrl,
  parseIdList,
} from './values.js';

/** Reads one input's raw text ('' when not set); the edge binds it to the toolkit. */
export type InputReader = (name: InputName) => string;

const DEFAULTS = {
  [INPUT.version]: 'active',
  [INPUT.artifactType]: 'integration-flow',
  [INPUT.timeout]: '10m',
  [INPUT.interval]: '5s',
  [INPUT.maxInterval]: '30s',
  [INPUT.backoff]: '1.5',
  [INPUT.requestTimeout]: '30s',
  [INPUT.discoveryTimeout]: '0s',
  [INPUT.stallTimeout]: '0s',
  [INPUT.maxParallel]: '8',
  [INPUT.awsService]: 'es',
} as const;

const MAX_BACKOFF = 10;

/** Parses and validates every input once; throws InputError naming the first bad one. */
export function parseConfig(readRaw: InputReader, env: NodeJS.ProcessEnv = {}): Config {
  const read = (name: InputName): string => readRaw(name).trim();
  const optional = (name: InputName): string | undefined => read(name) || undefined;
  const withDefault = (name: keyof typeof DEFAULTS): string => read(name) || DEFAULTS[name];

  const provider = oneOf(INPUT.provider, read(INPUT.provider), PROVIDER_NAMES) as ProviderName;
  const url = optional(INPUT.url);
  if (url !== undefined) {
    const parsed = parseHttpUrl(url);
    if ('error' in parsed) throw new InputError(INPUT.url, `Input '${INPUT.url}' ${parsed.error}.`);
  } else if (!(provider === 'sap-cloud-integration' && read(INPUT.serviceKey))) {
    throw new InputError(
      INPUT.url,
      `Input '${INPUT.url}' is required for provider '${provider}' (only SAP with a service-key can do without it).`,
    );
  }

  for (const name of [INPUT.token, INPUT.apiKey]) {
    // Sent as a header as it is: a value HTTP cannot carry would fail at the first request, with a less clear message.
    if (!isHeaderValue(read(name))) {
      throw new InputError(
        name,
        `Input '${name}' has ${HEADER_VALUE_PROBLEM}; check for a pasted line break or quote.`,
      );
    }
  }
  const headers = parseHeaders(read(INPUT.headers));
  if ('error' in headers) throw new InputError(INPUT.headers, `Input '${INPUT.headers}': ${headers.error}.`);

  const environmentUrl = optional(INPUT.environmentUrl);
  if (environmentUrl !== undefined) {
    const parsed = parseHttpUrl(environmentUrl);
    if ('error' in parsed) {
      throw new InputError(INPUT.environmentUrl, `Input '${INPUT.environmentUrl}' ${parsed.error}.`);
    }
  }

  const opensearch = parseOpenSearchSettings(provider, optional, withDefault);
  return {
    provider,
    url,
    ids: parseIdList(read(INPUT.id)),
    // A template or a use case is deployed: that is what they are for.
    deploy: booleanInput(read, INPUT.deploy, false) || Boolean(opensearch.template ?? opensearch.useCase),
    version: withDefault(INPUT.version),
    artifactType: oneOf(INPUT.artifactType, withDefault(INPUT.artifactType), ARTIFACT_TYPES) as ArtifactType,
    packages: parseIdList(read(INPUT.package)),
    exclude: parseIdList(read(INPUT.exclude)),
    skipUnchanged: booleanInput(read, INPUT.skipUnchanged, false),
    maxParallel: parseMaxParallel(withDefault(INPUT.maxParallel)),
    credentials: {
      token: optional(INPUT.token),
      apiKey: optional(INPUT.apiKey),
      username: optional(INPUT.username),
      password: optional(INPUT.password),
      serviceKey: optional(INPUT.serviceKey),
      clientId: optional(INPUT.clientId),
      clientSecret: optional(INPUT.clientSecret),
      tokenUrl: optional(INPUT.tokenUrl),
      clientCertificate: optional(INPUT.clientCertificate),
      clientKey: optional(INPUT.clientKey),
    },
    headers: headers.headers,
    caCertificate: optional(INPUT.caCertificate),
    opensearch,
    environment: runEnvironment(env),
    wait: parseWaitSettings(read, withDefault),
    failOnNotReady: booleanInput(read, INPUT.failOnNotReady, true),
    summary: booleanInput(read, INPUT.summary, true),
    github: {
      token: optional(INPUT.githubToken),
      prComment: booleanInput(read, INPUT.prComment, false),
      commitStatus: optional(INPUT.commitStatus),
      environment: optional(INPUT.environment),
      environmentUrl,
    },
  };
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function parseOpenSearchSettings(
  provider: ProviderName,
  optional: (name: InputName) => string | undefined,
  withDefault: (name: keyof typeof DEFAULTS) => string,
): OpenSearchSettings {
  const template = optional(INPUT.template);
  const useCase = optional(INPUT.useCase);
  const parametersText = optional(INPUT.parameters);
  const region = optional(INPUT.awsRegion);
  if (provider !== 'opensearch-flow-framework') {
    const given = [INPUT.template, INPUT.useCase, INPUT.parameters, INPUT.awsRegion].find((name) => optional(name));
    if (given) {
      throw new InputError(
        given,
        `Input '${given}' is for provider 'opensearch-flow-framework' only, not '${provider}'.`,
      );
    }
  }
  if (template !== undefined && useCase !== undefined) {
    throw new InputError(
      INPUT.useCase,
      `Inputs '${INPUT.template}' and '${INPUT.useCase}' exclude each other: give one.`,
    );
  }
  if (useCase !== undefined && !/^[a-z0-9_]+$/.test(useCase)) {
    throw new InputError(
      INPUT.useCase,
      `Input '${INPUT.useCase}' has value '${useCase.slice(0, 80)}'; expected a use case name such as semantic_search.`,
    );
  }
  const parsed = parseParameters(parametersText ?? '');
  if ('error' in parsed) throw new InputError(INPUT.parameters, `Input '${INPUT.parameters}' ${parsed.error}.`);
  if (parametersText !== undefined && template === undefined && useCase === undefined) {
    throw new InputError(
      INPUT.parameters,
      `Input '${INPUT.parameters}' fills a '${INPUT.template}' or a '${INPUT.useCase}': give one of them too.`,
    );
  }
  const service = oneOf(INPUT.awsService, withDefault(INPUT.awsService), AWS_SERVICES);
  if (region !== undefined && !AWS_REGION.test(region)) {
    throw new InputError(
      INPUT.awsRegion,
      `Input '${INPUT.awsRegion}' has value '${region.slice(0, 40)}'; expected an AWS region such as eu-west-1.`,
    );
  }
  return {
    template,
    useCase,
    parameters: parsed.parameters,
    aws: region === undefined ? undefined : { region, service: service as AwsService },
  };
}

function runEnvironment(env: NodeJS.ProcessEnv): RunEnvironment {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  return {
    workspace: value('GITHUB_WORKSPACE') ?? '',
    awsCredentials: {
      accessKeyId: value('AWS_ACCESS_KEY_ID'),
      secretAccessKey: value('AWS_SECRET_ACCESS_KEY'),
      sessionToken: value('AWS_SESSION_TOKEN'),
    },
  };
}

/** Node fires a longer timer at once: a longer wait would turn into no wait at all. */
const MAX_DURATION_MS = 2 ** 31 - 1;

function parseWaitSettings(
  read: (name: InputName) => string,
  withDefault: (name: keyof typeof DEFAULTS) => string,
): WaitSettings {
  const duration = (name: keyof typeof DEFAULTS, allowZero: boolean): number => {
    const text = withDefault(name);
    const ms = parseDuration(text);
    if (ms === undefined) {
      throw new InputError(
        name,
        `Input '${name}' has value '${text}', which is not a duration. Use seconds (90) or units: 90s, 5m, 1h30m, 250ms.`,
      );
    }
    if (!allowZero && ms <= 0) throw new InputError(name, `Input '${name}' must be longer than 0 (got '${text}').`);
    if (ms > MAX_DURATION_MS) {
      throw new InputError(name, `Input '${name}' has value '${text}'; at most 596h (Node's timer limit) is accepted.`);
    }
    return ms;
  };
  const intervalMs = duration(INPUT.interval, false);
  const backoffText = withDefault(INPUT.backoff);
  const backoff = Number(backoffText);
  if (!/^\d+(\.\d+)?$/.test(backoffText) || backoff < 1 || backoff > MAX_BACKOFF) {
    throw new InputError(
      INPUT.backoff,
      `Input '${INPUT.backoff}' has value '${backoffText}'; expected a number from 1 (fixed interval) to ${MAX_BACKOFF}, e.g. 1.5.`,
    );
  }
  return {
    timeoutMs: duration(INPUT.timeout, false),
    intervalMs,
    // A cap below the first delay would only make the interval unreachable: the interval wins.
    maxIntervalMs: Math.max(intervalMs, duration(INPUT.maxInterval, false)),
    backoff,
    requestTimeoutMs: duration(INPUT.requestTimeout, false),
    discoveryTimeoutMs: duration(INPUT.discoveryTimeout, true),
    stallTimeoutMs: duration(INPUT.stallTimeout, true),
    allowDegraded: booleanInput(read, INPUT.allowDegraded, false),
  };
}

const MAX_PARALLEL = 64;

function parseMaxParallel(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_PARALLEL) {
    throw new InputError(
      INPUT.maxParallel,
      `Input '${INPUT.maxParallel}' has value '${text}'; expected a whole number from 1 to ${MAX_PARALLEL}.`,
    );
  }
  return value;
}

function booleanInput(read: (name: InputName) => string, name: InputName, fallback: boolean): boolean {
  const text = read(name);
  if (text === '') return fallback;
  const value = parseBoolean(text);
  if (value === undefined) {
    throw new InputError(name, `Input '${name}' has value '${text}'; expected true or false.`);
  }
  return value;
}

function oneOf(name: InputName, value: string, accepted: readonly string[]): string {
  if (value === '') throw new InputError(name, `Input '${name}' is required: one of ${accepted.join(', ')}.`);
  if (!accepted.includes(value)) {
    throw new InputError(name, `Input '${name}' has value '${value}'; expected one of ${accepted.join(', ')}.`);
  }
  return value;
}
