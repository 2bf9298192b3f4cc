import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/config/inputs.ts';
import { parseConfig } from '../../../src/config/parse.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const reader =
  (inputs: Partial<Record<InputName, string>>) =>
  (name: InputName): string =>
    inputs[name] ?? '';

const base = { provider: 'opensearch-flow-framework', url: 'https://search.example:9200', id: 'wf1' } as const;

const inputError = (inputs: Partial<Record<InputName, string>>) => inputErrorOf(() => parseConfig(reader(inputs)));

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig(reader(base));
    expect(config).toMatchObject({
      provider: 'opensearch-flow-framework',
      ids: ['wf1'],
      deploy: false,
      version: 'active',
      artifactType: 'integration-flow',
      headers: {},
      failOnNotReady: true,
      summary: true,
      wait: {
        timeoutMs: 600_000,
        intervalMs: 5_000,
        maxIntervalMs: 30_000,
        backoff: 1.5,
        requestTimeoutMs: 30_000,
        discoveryTimeoutMs: 0,
        stallTimeoutMs: 0,
        allowDegraded: false,
      },
      github: { prComment: false },
    });
  });

  it('reads every kind of value', () => {
    const config = parseConfig(
      reader({
        ...base,
        id: 'a\nb,a',
        deploy: 'true',
        timeout: '1h30m',
        interval: '250ms',
        'max-interval': '90',
        backoff: '2',
        'allow-degraded': 'TRUE',
        'fail-on-not-ready': 'False',
        headers: 'X-Tenant: acme',
        'commit-status': 'deploy/search',
        'environment-url': 'https://app.example',
      }),
    );
    expect(config.ids).toEqual(['a', 'b']);
    expect(config.deploy).toBe(true);
    expect(config.wait).toMatchObject({
      timeoutMs: 5_400_000,
      intervalMs: 250,
      maxIntervalMs: 90_000,
      backoff: 2,
      allowDegraded: true,
    });
    expect(config.failOnNotReady).toBe(false);
    expect(config.headers).toEqual({ 'X-Tenant': 'acme' });
    expect(config.github).toMatchObject({ commitStatus: 'deploy/search', environmentUrl: 'https://app.example' });
  });

  it('reads the package inputs and max-parallel', () => {
    const config = parseConfig(
      reader({
        ...base,
        package: 'Orders, Billing',
        exclude: 'Old_Flow',
        'skip-unchanged': 'true',
        'max-parallel': '64',
      }),
    );
    expect(config).toMatchObject({
      packages: ['Orders', 'Billing'],
      exclude: ['Old_Flow'],
      skipUnchanged: true,
      maxParallel: 64,
    });
    expect(parseConfig(reader(base))).toMatchObject({
      packages: [],
      exclude: [],
      skipUnchanged: false,
      maxParallel: 8,
    });
  });

  it('lets the interval win over a smaller cap', () => {
    expect(parseConfig(reader({ ...base, interval: '60s' })).wait.maxIntervalMs).toBe(60_000);
  });

  it('lets SAP with a service key do without url', () => {
    expect(
      parseConfig(reader({ provider: 'sap-cloud-integration', 'service-key': '{}', id: 'x' })).url,
    ).toBeUndefined();
  });

  it.each<[string, Partial<Record<InputName, string>>, string, string]>([
    [
      'missing provider',
      { url: 'https://x' },
      'provider',
      "Input 'provider' is required: one of sap-cloud-integration, opensearch-flow-framework, nl-flow, installer.",
    ],
    [
      'unknown provider',
      { ...base, provider: 'heroku' },
      'provider',
      "Input 'provider' has value 'heroku'; expected one of sap-cloud-integration, opensearch-flow-framework, nl-flow, installer.",
    ],
    [
      'missing url',
      { provider: 'nl-flow', id: 'w' },
      'url',
      "Input 'url' is required for provider 'nl-flow' (only SAP with a service-key can do without it).",
    ],
    [
      'non-http url',
      { ...base, url: 'ftp://x' },
      'url',
      "Input 'url' uses 'ftp:': only http and https URLs are accepted.",
    ],
    [
      'url with credentials',
      { ...base, url: 'https://admin:hunter2@x' },
      'url',
      "Input 'url' contains credentials: pass them through the token, username/password or api-key inputs.",
    ],
    ['bad boolean', { ...base, deploy: 'yes' }, 'deploy', "Input 'deploy' has value 'yes'; expected true or false."],
    [
      'bad duration',
      { ...base, timeout: '5 minutes' },
      'timeout',
      "Input 'timeout' has value '5 minutes', which is not a duration. Use seconds (90) or units: 90s, 5m, 1h30m, 250ms.",
    ],
    ['zero timeout', { ...base, timeout: '0' }, 'timeout', "Input 'timeout' must be longer than 0 (got '0')."],
    [
      'a timeout past the timer limit',
      { ...base, timeout: '597h' },
      'timeout',
      "Input 'timeout' has value '597h'; at most 596h (Node's timer limit) is accepted.",
    ],
    ['zero interval', { ...base, interval: '0s' }, 'interval', "Input 'interval' must be longer than 0 (got '0s')."],
    [
      'zero request-timeout',
      { ...base, 'request-timeout': '0ms' },
      'request-timeout',
      "Input 'request-timeout' must be longer than 0 (got '0ms').",
    ],
    [
      'bad stall-timeout',
      { ...base, 'stall-timeout': '-1s' },
      'stall-timeout',
      "Input 'stall-timeout' has value '-1s', which is not a duration. Use seconds (90) or units: 90s, 5m, 1h30m, 250ms.",
    ],
    [
      'backoff below 1',
      { ...base, backoff: '0.5' },
      'backoff',
      "Input 'backoff' has value '0.5'; expected a number from 1 (fixed interval) to 10, e.g. 1.5.",
    ],
    [
      'backoff not a number',
      { ...base, backoff: 'fast' },
      'backoff',
      "Input 'backoff' has value 'fast'; expected a number from 1 (fixed interval) to 10, e.g. 1.5.",
    ],
    [
      'unknown artifact type',
      { ...base, 'artifact-type': 'iflow' },
      'artifact-type',
      "Input 'artifact-type' has value 'iflow'; expected one of integration-flow, value-mapping, script-collection, message-mapping.",
    ],
    [
      'malformed headers',
      { ...base, headers: 'nonsense' },
      'headers',
      "Input 'headers': line 1 is not of the form 'Name: value'.",
    ],
    [
      'max-parallel 0',
      { ...base, 'max-parallel': '0' },
      'max-parallel',
      "Input 'max-parallel' has value '0'; expected a whole number from 1 to 64.",
    ],
    [
      'max-parallel past 64',
      { ...base, 'max-parallel': '65' },
      'max-parallel',
      "Input 'max-parallel' has value '65'; expected a whole number from 1 to 64.",
    ],
    [
      'max-parallel not whole',
      { ...base, 'max-parallel': '2.5' },
      'max-parallel',
      "Input 'max-parallel' has value '2.5'; expected a whole number from 1 to 64.",
    ],
    [
      'bad environment-url',
      { ...base, 'environment-url': 'app.example' },
      'environment-url',
      "Input 'environment-url' has value 'app.example'; expected an absolute http(s) URL such as https://host/….",
    ],
  ])('%s names the input and what is accepted', (_, inputs, input, message) => {
    const error = inputError(inputs);
    expect(error.input).toBe(input);
    expect(error.message).toBe(message);
  });

  it('never echoes a secret in an error', () => {
    const error = inputError({ ...base, headers: 'Authorization Bearer s3cr3t-value' });
    expect(error.message).not.toContain('s3cr3t');
  });
});
