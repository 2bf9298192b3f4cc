#!/usr/bin/env node
import { watchSignals } from './edge/signals.js';

// Before the bundle's heavy imports: a signal while they load still ends in a `cancelled` report, and
// which signal it was decides the exit code (130/143).
const signals = watchSignals();
let received: NodeJS.Signals | undefined;
signals.onFirst((signal) => (received = signal));

void import('./cli/main.js')
  .then(({ runCli }) =>
    runCli({
      argv: process.argv.slice(2),
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stderrIsTTY: process.stderr.isTTY,
      signals,
      signal: () => received,
    }),
  )
  .then((code) => {
    // Not left to the event loop: an exit code must not wait for a straggling socket or timer.
    process.stdout.write('', () => process.exit(code));
  });
