import type { ProviderName } from '../config/config.js';

/** What was waited for, where: the facts the reports show besides the result. */
export interface RunInfo {
  provider: ProviderName;
  /** scheme, host and path of the provider URL: never credentials, never the query */
  endpoint: string;
  ids: string[];
  deploy: boolean;
  /** SAP: the designtime version deployed */
  version?: string;
  allowDegraded: boolean;
  timeoutMs: number;
}
