/**
 * Exit codes, as the README documents them: 0 done; 1 Clerk or Browser Use refused or failed; 2 a
 * command line that cannot be understood; 3 missing or refused configuration; 4 the agent's run did
 * not succeed; 130 interrupted (Ctrl-C), after cleaning up.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 3, agentFailed: 4, interrupted: 130 } as const

/** An error the CLI prints as is (it names what to do) and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message)
  }
}
