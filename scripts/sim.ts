/**
 * `npm run sim -- <provider> [--scenario NAME] [--port N]`: starts one simulator on this project's
 * Node (npm puts node_modules/.bin first on the PATH, and that Node runs .ts files), prints its URL
 * and the credentials to use, and runs until Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../sim/run-action.ts';

const SIMULATORS: Record<string, string> = {
  'sap-cloud-integration': 'sap.ts',
  'opensearch-flow-framework': 'opensearch.ts',
  'nl-flow': 'nl-flow.ts',
  installer: 'installer.ts',
};

const USAGE = `usage: npm run sim -- <${Object.keys(SIMULATORS).join('|')}> [--scenario NAME] [--port N]`;

const [provider = '', ...rest] = process.argv.slice(2);
if (provider === '--help' || provider === '-h') {
  console.log(USAGE);
  process.exit(0);
}
const file = SIMULATORS[provider];
if (!file) {
  const named = provider && !provider.startsWith('-') ? `unknown provider '${provider}'` : 'no provider given';
  console.error(`sim: ${named}; ${USAGE}`);
  process.exit(2);
}
const child = spawn(process.execPath, [join(REPO_ROOT, 'sim', file), ...rest], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code) => process.exit(code ?? 1));
