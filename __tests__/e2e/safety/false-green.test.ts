/** SPEC "Normalized status": an unrecognized provider status is never success — neither is a documented word in an undocumented shape. */
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../sim/run-action.ts';
import type { SimServer } from '../../../sim/server.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, startStatusServer } from '../../support/hostile.ts';

const keep = closedAfterEach();

async function answering(body: unknown): Promise<SimServer> {
  return keep(await startStatusServer(() => body));
}

const installer = (url: string) => ({
  provider: 'installer',
  url,
  token: 'zs-Token-false-green-1',
  ...FAST_INPUTS,
  timeout: '1500ms',
});

describe('no false green on undocumented shapes end to end', () => {
  it('opensearch: a workflow_id that is no string is a wrong-target error, not "no identity given"', async () => {
    const cluster = await answering({ workflow_id: { id: 'wf-1' }, state: 'COMPLETED' });
    const run = await runAction({
      inputs: { provider: 'opensearch-flow-framework', url: cluster.url, id: 'wf-1', ...FAST_INPUTS },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.outputs).toMatchObject({ status: 'error', ready: 'false' });
    expect(run.outputs.message).toMatch(/names its workflow with an object/);
  });

  it('installer: a registration error that is an object fails the registration', async () => {
    const server = await answering({
      status: 'completed',
      session: {
        status: 'completed',
        registrations: [{ name: 'postgresql', status: 'registered', error: { code: 'TIMEOUT' } }],
      },
    });
    const run = await runAction({ inputs: installer(server.url) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'degraded', ready: 'false' });
  });

  it('installer: a top-level status that is no word is unknown, not absent so that session.status decides', async () => {
    const server = await answering({ status: { phase: 'install' }, session: { status: 'completed' } });
    const run = await runAction({ inputs: installer(server.url) });
    expect(run.outputs).toMatchObject({ status: 'timed_out', ready: 'false' });
    expect(run.stdout).toMatch(/::warning::.*unrecognized provider status/);
  });

  it('installer: a session that is no object is unreadable', async () => {
    const server = await answering({ status: 'completed', session: 'completed' });
    const run = await runAction({ inputs: installer(server.url) });
    expect(run.outputs).toMatchObject({ status: 'error', ready: 'false' });
    expect(run.outputs.message).toMatch(/'session' is a string, not an object/);
  });
});
