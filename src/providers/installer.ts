/** ZStack Cloud installer: the current deploy session, read with GetDeployStatus (SPEC "installer"). */
import type { Config } from '../config/config.js';
import { INPUT } from '../config/inputs.js';
import { displayEndpoint } from '../config/values.js';
import { InputError } from '../core/errors.js';
import { assertStatus, parseJsonBody } from '../http/status.js';
import { notFoundSnapshot } from './not-found.js';
import { bearerAuthorization } from './auth.js';
import { DeploySessionWatch } from './installer/session.js';
import type { Provider, ProviderContext, ProviderSession } from './types.js';

/** The one target: whatever deploy session the installer is running. */
export const DEPLOY_SESSION_TARGET = 'deploy';

const STATUS_PATH = '/api/v1/installer/deploy/status';

export const installerProvider: Provider = {
  // GetDeployStatus is all the documented API offers: the deploy is started elsewhere.
  canTrigger: false,
  prepare(config) {
    const token = tokenOf(config);
    if (config.ids.length > 0) {
      throw new InputError(
        INPUT.id,
        `Input '${INPUT.id}' is not used by installer: it watches the installer's current deploy session. Remove '${INPUT.id}'.`,
      );
    }
    const base = baseOf(config);
    return {
      targets: [DEPLOY_SESSION_TARGET],
      endpoint: displayEndpoint(new URL(base)),
      secrets: [],
      open: (context) => openSession(context, base + STATUS_PATH, token),
    };
  },
};

function tokenOf(config: Config): string {
  const token = config.credentials.token;
  if (!token) {
    throw new InputError(
      INPUT.token,
      `Input '${INPUT.token}' is required for installer: the token sent as 'Authorization: Bearer …'.`,
    );
  }
  return token;
}

/** `url` as the host, the API root or the status endpoint itself, with or without a trailing slash. */
function baseOf(config: Config): string {
  const url = new URL(config.url ?? '');
  return url.origin + url.pathname.replace(/\/+$/, '').replace(/\/api\/v1(\/installer\/deploy\/status)?$/, '');
}

function openSession({ http, log }: ProviderContext, url: string, token: string): ProviderSession {
  const headers = { accept: 'application/json', authorization: bearerAuthorization(token) };
  const watch = new DeploySessionWatch(log);
  return {
    async read(_id, { signal, timeoutMs }) {
      const response = await http.request({ url, headers, signal, timeoutMs });
      const what = 'deploy status';
      if (response.status === 404) {
        return notFoundSnapshot(
          response,
          what,
          'no deploy status at this url (HTTP 404) — check url, or no deploy session exists yet',
        );
      }
      assertStatus(response, [200], `reading the ${what}`);
      return watch.observe(parseJsonBody(response, what));
    },
  };
}
