/** Runs one simulator from the command line until SIGINT/SIGTERM: `--scenario NAME --port N`. */
import { parseArgs } from 'node:util';
import type { SimServer } from './server.ts';

export async function runFromCommandLine(
  provider: string,
  scenarios: readonly string[],
  start: (scenario: string, port: number) => Promise<SimServer>,
): Promise<void> {
  const { values } = parseArgs({
    options: { scenario: { type: 'string', default: scenarios[0] }, port: { type: 'string', default: '0' } },
  });
  const scenario = values.scenario ?? '';
  if (!scenarios.includes(scenario)) {
    console.error(`unknown scenario '${scenario}'; one of: ${scenarios.join(', ')}`);
    process.exit(2);
  }
  const server = await start(scenario, Number(values.port));
  console.log(`${provider} simulator (${scenario}) listening on ${server.url}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
