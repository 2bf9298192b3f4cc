import { InputError } from '../../src/core/errors.ts';

/** The InputError `action` throws; any other outcome fails the test. */
export function inputErrorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
