/** A problem the user can fix (bad flag, missing folder, unknown git ref): printed as one line, exit 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
