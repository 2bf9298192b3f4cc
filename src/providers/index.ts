import type { Config, ProviderName } from '../config/config.js';
import type { Provider } from './types.js';

/**
 * Loaded on demand so a run only pays start-up for the provider it uses (and, given the config, only for
 * the parts of it the inputs need).
 */
export const PROVIDERS: Record<ProviderName, (config: Config) => Promise<Provider>> = {
  'opensearch-flow-framework': async (config) => (await import('./opensearch.js')).loadOpenSearchProvider(config),
  'sap-cloud-integration': async () => (await import('./sap/index.js')).sapProvider,
  'nl-flow': async () => (await import('./nl-flow.js')).nlFlowProvider,
  installer: async () => (await import('./installer.js')).installerProvider,
};
