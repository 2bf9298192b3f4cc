import type { ProviderName } from '../config/config.js';
import type { Provider } from './types.js';

/** Loaded on demand so a run only pays start-up for the provider it uses. */
export const PROVIDERS: Record<ProviderName, () => Promise<Provider>> = {
  'opensearch-flow-framework': async () => (await import('./opensearch.js')).opensearchProvider,
  'sap-cloud-integration': async () => (await import('./sap/index.js')).sapProvider,
  'nl-flow': async () => (await import('./nl-flow.js')).nlFlowProvider,
  installer: async () => (await import('./installer.js')).installerProvider,
};
