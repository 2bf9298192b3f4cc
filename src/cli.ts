#!/usr/bin/env node
import { runCli } from './cli/main.js';

// Which signal stopped the run decides the exit code (130/143); the run itself handles the cancellation.
let received: NodeJS.Signals | undefined;
const remember = (signal: NodeJS.Signals): void => void (received ??= signal);
process.once('SIGINT', remember);
process.once('SIGTERM', remember);

void runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY,
  signal: () => received,
}).then((code) => {
  // Not left to the event loop: an exit code must not wait for a straggling socket or timer.
  process.stdout.write('', () => process.exit(code));
});
