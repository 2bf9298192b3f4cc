import type { Provider } from '../types.js';
import { resolvePackageSettings } from './package-settings.js';
import { SapSession } from './session.js';
import { resolveSettings, rootEndpoint } from './settings.js';

export const sapProvider: Provider = {
  canTrigger: true,
  prepare(config) {
    const settings = resolveSettings(config);
    const packages = resolvePackageSettings(config);
    return {
      targets: settings.ids,
      endpoint: rootEndpoint(settings.root),
      secrets: settings.auth.kind === 'oauth' ? [settings.auth.clientSecret] : [],
      open: (context) => new SapSession(settings, context, Date.now, packages),
    };
  },
};
