/**
 * A mistake in the user's input or invocation: printed as its message alone, exit code 1, never a stack
 * trace. Anything else that escapes is a bug in Cyclecast and is reported as one.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
