/** The SAP inputs for packages and `skip-unchanged`, checked before any request. Pure. */
import type { Config } from '../../config/config.js';
import { INPUT } from '../../config/inputs.js';
import { InputError } from '../../core/errors.js';

export interface PackageSettings {
  packages: string[];
  exclude: string[];
  skipUnchanged: boolean;
}

export function resolvePackageSettings(config: Config): PackageSettings {
  if (config.exclude.length > 0 && config.packages.length === 0) {
    throw new InputError(
      INPUT.exclude,
      `Input '${INPUT.exclude}' leaves artifacts out of a '${INPUT.package}': set '${INPUT.package}' too, or remove the ids from '${INPUT.id}'.`,
    );
  }
  if (config.skipUnchanged && !config.deploy) {
    throw new InputError(
      INPUT.skipUnchanged,
      `Input '${INPUT.skipUnchanged}' decides what not to deploy again: it needs '${INPUT.deploy}: true'.`,
    );
  }
  return { packages: config.packages, exclude: config.exclude, skipUnchanged: config.skipUnchanged };
}
