/**
 * `npm run demo -- --scenario failed [--provider sap-cloud-integration]`: runs the bundled action end
 * to end against a local simulator, as the runner would, and prints its log, its outputs and the job
 * summary it wrote. Exits with the action's exit code. `--help` lists providers and scenarios.
 */
import { parseArgs } from 'node:util';
import { runAction } from '../sim/run-action.ts';
import { PROVIDERS, SCENARIOS, type DemoProvider } from './demo/scenarios.ts';

function usage(): string {
  const scenarios = Object.entries(SCENARIOS).map(
    ([name, scenario]) =>
      `  ${name.padEnd(10)} ${scenario.description}\n  ${''.padEnd(10)} providers: ${Object.keys(scenario.providers).join(', ')}`,
  );
  return [
    'usage: npm run demo -- [--scenario NAME] [--provider NAME]',
    '',
    'Runs dist/index.js as the GitHub runner would, against a local simulator, and prints its log,',
    "its outputs and the job summary. Exits with the action's exit code.",
    '',
    'scenarios (default succeeded):',
    ...scenarios,
    '',
    `providers (default: the first one the scenario lists): ${PROVIDERS.join(', ')}`,
  ].join('\n');
}

function fail(message: string): never {
  console.error(`demo: ${message} (see npm run demo -- --help)`);
  process.exit(2);
}

let values: { scenario?: string; provider?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'succeeded' },
      provider: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error));
}
if (values.help) {
  console.log(usage());
  process.exit(0);
}
const scenario = SCENARIOS[values.scenario ?? ''];
if (!scenario) fail(`unknown scenario '${values.scenario}'; one of: ${Object.keys(SCENARIOS).join(', ')}`);
const provider = (values.provider ?? Object.keys(scenario.providers)[0]) as DemoProvider;
const start = scenario.providers[provider];
if (!start) {
  fail(
    `scenario '${values.scenario}' has no demo for provider '${provider}'; it has: ${Object.keys(scenario.providers).join(', ')}`,
  );
}

const demo = await start();
try {
  const run = await runAction({
    inputs: { interval: '500ms', 'max-interval': '2s', timeout: '1m', ...demo.inputs },
    signal: demo.signal,
  });
  const rule = (title: string): string => `\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n`;
  const log = run.visibleLog.split('\n').filter((line) => !line.startsWith('::debug::'));
  console.log(rule(`job log (exit code ${run.exitCode}, ${run.durationMs} ms)`) + log.join('\n').trim());
  console.log(rule('step outputs'));
  for (const [name, value] of Object.entries(run.outputs)) if (name !== 'result') console.log(`${name}: ${value}`);
  console.log(rule('job summary (GITHUB_STEP_SUMMARY)') + run.summary);
  process.exitCode = run.exitCode ?? 1;
} finally {
  await demo.server.close();
}
