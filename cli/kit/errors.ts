/**
 * A problem the user can fix (a bad flag, a missing file, an unknown git ref, an invalid regions
 * file): printed without a stack trace, and the command exits 1. `problems` are the located lines
 * behind it (`file:line:col path: expected…, found…`), printed as they are, before the message.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "UserError";
  }
}
