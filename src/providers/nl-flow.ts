/** expert.ai NL Flow: the status of published workflows, read with the workflow's API key (SPEC "nl-flow"). */
import type { Config } from '../config/config.js';
import { INPUT } from '../config/inputs.js';
import { displayEndpoint } from '../config/values.js';
import { InputError } from '../core/errors.js';
import { assertStatus, parseJsonBody } from '../http/status.js';
import { bearerAuthorization } from './auth.js';
import { notFoundSnapshot } from './not-found.js';
import { snapshotFromWorkflowStatus } from './nl-flow/mapping.js';
import { resolveWorkflows, statusUrl } from './nl-flow/target.js';
import type { Provider, ProviderContext, ProviderSession } from './types.js';
import { assertPathSegmentIds } from './path-id.js';

export const nlFlowProvider: Provider = {
  // The NL Flow API documents no way to publish a workflow: a deploy is started elsewhere.
  canTrigger: false,
  prepare(config) {
    const apiKey = apiKeyOf(config);
    const { base, ids } = resolveWorkflows(config);
    assertPathSegmentIds(ids, 'a workflow id');
    return {
      targets: ids,
      endpoint: displayEndpoint(new URL(base)),
      secrets: [],
      open: (context) => openSession(context, base, apiKey),
    };
  },
};

function apiKeyOf(config: Config): string {
  const key = config.credentials.apiKey;
  if (!key) {
    throw new InputError(
      INPUT.apiKey,
      `Input '${INPUT.apiKey}' is required for nl-flow: the API key associated with the workflow, sent as X-API-KEY.`,
    );
  }
  return key;
}

function openSession({ config, http }: ProviderContext, base: string, apiKey: string): ProviderSession {
  const { token } = config.credentials;
  const headers = {
    accept: 'application/json',
    'x-api-key': apiKey,
    // For a gateway in front of the runtime: the API key alone is what NL Flow itself checks.
    ...(token ? { authorization: bearerAuthorization(token) } : {}),
  };
  return {
    async read(id, { signal, timeoutMs }) {
      const response = await http.request({ url: statusUrl(base, id), headers, signal, timeoutMs });
      const what = `status of workflow ${id}`;
      // NL Flow answers 404 without a body for a workflow that was never published (or does not exist).
      if (response.status === 404) {
        return notFoundSnapshot(response, what, `workflow ${id} not found: never published, or wrong id`);
      }
      assertStatus(response, [200], `reading the ${what}`);
      return snapshotFromWorkflowStatus(parseJsonBody(response, what));
    },
  };
}
