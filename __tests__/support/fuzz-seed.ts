/**
 * Fuzzing is seeded so that CI is reproducible: the same generated inputs on every run. Set
 * FUZZ_SEED to another number to explore a different set (a failure prints the seed to replay).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20_261_123) });
