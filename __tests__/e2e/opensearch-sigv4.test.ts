/** Amazon OpenSearch Service and Serverless: every request signed with SigV4, verified by the simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../sim/run-action.ts';
import { startOpenSearchSimulator, type OpenSearchSimulator } from '../../sim/opensearch.ts';
import { FAST_INPUTS } from '../support/e2e.ts';

const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE0123456789',
  AWS_SECRET_ACCESS_KEY: 'Secret/Access+Key-EXAMPLE-0123456789abcd',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE//session+token=',
};
const SECRETS = [AWS_ENV.AWS_SECRET_ACCESS_KEY, AWS_ENV.AWS_SESSION_TOKEN];

let simulator: OpenSearchSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(service: 'es' | 'aoss'): Promise<OpenSearchSimulator> {
  simulator = await startOpenSearchSimulator({
    sigv4: {
      accessKeyId: AWS_ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_ENV.AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_ENV.AWS_SESSION_TOKEN,
      region: 'eu-central-1',
      service,
    },
  });
  return simulator;
}

const run = (sim: OpenSearchSimulator, inputs: Record<string, string>, env: Record<string, string> = AWS_ENV) =>
  runAction({
    inputs: {
      provider: 'opensearch-flow-framework',
      url: sim.url,
      'aws-region': 'eu-central-1',
      ...FAST_INPUTS,
      ...inputs,
    },
    env,
    secrets: SECRETS,
  });

describe('OpenSearch with AWS SigV4', () => {
  it('es: provisions and follows the workflow, every request signed and accepted', async () => {
    const sim = await start('es');
    const result = await run(sim, { id: 'wf-1', deploy: 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('succeeded');
    expect(sim.answers.length).toBeGreaterThan(2);
    expect(sim.answers.every((answer) => answer.status !== 403)).toBe(true);
    for (const request of sim.requests) expect(request.headers['x-amz-security-token']).toBe(AWS_ENV.AWS_SESSION_TOKEN);
  });

  it('aoss: creates a workflow from a template (signed body hash) and provisions it', async () => {
    const sim = await start('aoss');
    const result = await run(sim, {
      'aws-service': 'aoss',
      template: '{"name":"flow","workflows":{"provision":{"nodes":[{"id":"a","type":"create_index"}]}}}',
    });
    expect(result.exitCode).toBe(0);
    expect(sim.answers.map((answer) => answer.status).slice(0, 3)).toEqual([404, 201, 202]);
    expect(sim.requests[1]?.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a signature the cluster refuses is an error (the server really checks)', async () => {
    const sim = await start('es');
    const result = await run(sim, { id: 'wf-1', 'aws-service': 'aoss' });
    expect(result.outputs.status).toBe('error');
    expect(result.outputs.message).toContain('403');
  });

  it('a missing credential is an input error naming the variable, before any request', async () => {
    const sim = await start('es');
    const { AWS_SECRET_ACCESS_KEY: _, ...withoutSecret } = AWS_ENV;
    const result = await run(sim, { id: 'wf-1' }, withoutSecret);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('error');
    expect(result.outputs.message).toContain('AWS_SECRET_ACCESS_KEY is not set');
    expect(sim.requests).toEqual([]);
  });

  it('aws-region with token or username/password is an input error', async () => {
    const sim = await start('es');
    const withToken = await run(sim, { id: 'wf-1', token: 'os-Bearer-T0ken-4417' });
    expect(withToken.outputs.message).toContain("Inputs 'aws-region' and 'token' exclude each other");
    const withBasic = await run(sim, { id: 'wf-1', username: 'ci', password: 'opensearch-Pa55word!' });
    expect(withBasic.outputs.message).toContain("Inputs 'aws-region' and 'username' exclude each other");
    expect(sim.requests).toEqual([]);
  });
});
