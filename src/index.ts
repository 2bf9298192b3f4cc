import { watchSignals } from './edge/signals.js';

// Before the bundle's heavy imports: a signal while they load still ends in a `cancelled` report.
const signals = watchSignals();
void import('./main.js').then(({ run }) => run(signals));
