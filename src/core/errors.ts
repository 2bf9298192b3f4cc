/** A bad input value: stops the step before any request, naming the input and what is accepted. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The provider answered, but in a way that cannot be waited out (bad credentials, refused
 * request, unreadable body). Ends the run with verdict `error`.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
}
