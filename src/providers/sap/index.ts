import type { Provider } from '../types.js';
import { resolvePackageSettings } from './package-settings.js';
import { basicCredential } from '../auth.js';
import { pemSecrets } from './client-certificate.js';
import { SapSession } from './session.js';
import { resolveSettings, rootEndpoint, type SapAuth } from './settings.js';

export const sapProvider: Provider = {
  canTrigger: true,
  prepare(config) {
    const settings = resolveSettings(config);
    const packages = resolvePackageSettings(config);
    const { auth } = settings;
    return {
      targets: settings.ids,
      endpoint: rootEndpoint(settings.root),
      secrets: secretsOf(auth),
      // Presented to the token URL's origin only: the tenant's API and anything else never see it.
      clientCertificate:
        auth.kind === 'oauth-certificate'
          ? { origin: new URL(auth.tokenUrl).origin, certificate: auth.certificate, key: auth.key }
          : undefined,
      open: (context) => new SapSession(settings, context, Date.now, packages),
    };
  },
};

/** The client secret and the Basic credential made of it (sent to the token URL), or the PEMs of a certificate. */
function secretsOf(auth: SapAuth): string[] {
  if (auth.kind === 'oauth') return [auth.clientSecret, basicCredential(auth.clientId, auth.clientSecret)];
  if (auth.kind === 'oauth-certificate') return pemSecrets(auth);
  return [];
}
