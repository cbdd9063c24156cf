/** What went wrong; stable, for `catch` blocks and tests. */
export type AgentTaskSignInErrorCode =
  /** No secret key in the options or in `CLERK_SECRET_KEY`. */
  | 'missing_secret_key'
  /** The secret key is not a Clerk secret key (`sk_test_…` / `sk_live_…`). */
  | 'invalid_secret_key'
  /** A production (`sk_live_…`) key without `allowLiveKeys`. */
  | 'live_key_refused'
  /** An option is missing or malformed (the message names it). */
  | 'invalid_option'
  /** Clerk did not create the agent task (unknown user, bad redirect URL, unreachable API, …). */
  | 'mint_failed'
  /** Clerk's Frontend API refused the link (used, revoked, redirect not allowed, …). */
  | 'link_refused'
  /** The browser did not get from the link to the app (network error, timeout). */
  | 'navigation_failed'
  /** The browser reached the app, but the app set no Clerk session cookie. */
  | 'not_signed_in'
  /** Ending the access a sign-in created failed; the message says what may still be live. */
  | 'cleanup_failed'
  /** The run was interrupted (Ctrl-C, SIGTERM, the worker stopping) during the sign-in; what it minted was ended. */
  | 'interrupted'

/**
 * The one error type this package throws. Its message never contains an agent-task link, a ticket,
 * a handshake token or the secret key.
 */
export class AgentTaskSignInError extends Error {
  override readonly name = 'AgentTaskSignInError'
  readonly code: AgentTaskSignInErrorCode
  /** HTTP status from Clerk, when Clerk answered with an error. */
  readonly status: number | undefined
  /** Clerk's error code (e.g. `agent_task_subject_not_found`), when Clerk sent one. */
  readonly clerkCode: string | undefined

  constructor(code: AgentTaskSignInErrorCode, message: string, details: { status?: number; clerkCode?: string } = {}) {
    super(message)
    this.code = code
    this.status = details.status
    this.clerkCode = details.clerkCode
  }
}

export function isAgentTaskSignInError(error: unknown): error is AgentTaskSignInError {
  return error instanceof AgentTaskSignInError
}
