/**
 * Exit codes, as the README documents them: 0 created; 1 an unexpected failure (nothing is left
 * behind); 2 a command line that cannot be understood, or an answer missing where there is no terminal
 * to ask on; 3 the target exists and is not an empty directory (nothing written); 4 the app was
 * created but installing its dependencies failed; 130 cancelled (Ctrl-C or Esc at a question).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, targetNotEmpty: 3, installFailed: 4, cancelled: 130 } as const

/** An error printed as is (it says what to do) with the exit code it ends with. */
export class CreateError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message)
  }
}
