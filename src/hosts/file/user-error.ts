/** A problem with the analyst's input, reported as one line (exit 2), never as a crash. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
