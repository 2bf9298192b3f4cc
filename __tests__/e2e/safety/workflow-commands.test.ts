/** SPEC "Waiting, errors, safety": provider text starts no workflow command, and invisible format characters are removed. */
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../sim/run-action.ts';
import { FAST_INPUTS } from '../../support/e2e.ts';
import { closedAfterEach, githubOfPullRequest, startStatusServer } from '../../support/hostile.ts';

const keep = closedAfterEach();

const BIDI_AND_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u2060\ufeff\u00ad]/;

describe('provider text and workflow commands end to end', () => {
  it('a legacy ##[command] anywhere in provider text is defused in every log line; bidi overrides are gone everywhere', async () => {
    const cluster = keep(
      await startStatusServer(() => ({
        workflow_id: 'wf-1',
        state: 'FAILED',
        error:
          'disk full ##[add-mask]COMPLETED ##[error]forged ##[stop-commands]halt \u202edeliaf\u202c on node\u2066 1\u2069',
      })),
    );
    const { github, env } = await githubOfPullRequest(keep);
    const run = await runAction({
      inputs: {
        provider: 'opensearch-flow-framework',
        url: cluster.url,
        id: 'wf-1',
        'github-token': 'ghs_workflowCommandTest0123456789ab',
        'pr-comment': 'true',
        ...FAST_INPUTS,
      },
      env,
    });
    expect(run.outputs.status).toBe('failed');
    const lines = `${run.stdout}\n${run.stderr}`.split('\n');
    // The text still shows, but the runner finds no command in it.
    expect(lines.some((line) => line.includes('# #[error]forged'))).toBe(true);
    expect(lines.filter((line) => line.includes('##['))).toEqual([]);
    const comment = github.state.comments.get(17)?.[0]?.body ?? '';
    expect(comment).toContain('deliaf');
    for (const [where, text] of Object.entries({
      log: run.stdout,
      summary: run.summary,
      comment,
      message: run.outputs.message ?? '',
    })) {
      expect(BIDI_AND_INVISIBLE.test(text), where).toBe(false);
    }
  });
});
