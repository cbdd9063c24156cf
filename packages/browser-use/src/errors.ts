import { truncateText } from './truncate.js'

/** Why a browser-agent run failed, each with the fix in its message. */
export type BrowserAgentErrorCode =
  | 'browser_use_unauthorized'
  | 'browser_use_payment_required'
  | 'browser_use_not_found'
  | 'browser_use_rejected'
  | 'browser_use_busy'
  | 'browser_use_unavailable'
  | 'timeout'
  | 'aborted'
  | 'task_failed'

export class BrowserAgentError extends Error {
  override readonly name = 'BrowserAgentError'
  constructor(
    readonly code: BrowserAgentErrorCode,
    message: string,
    readonly statusCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

interface BrowserUseErrorLike {
  statusCode: number
  message: string
}

function isBrowserUseError(error: unknown): error is BrowserUseErrorLike {
  return error instanceof Error && error.name === 'BrowserUseError' && typeof (error as { statusCode?: unknown }).statusCode === 'number'
}

/** Whether a failed call may be repeated: reads and stops only, on 429, 5xx or a lost connection. */
export function isRetryable(error: unknown): boolean {
  if (isBrowserUseError(error)) return error.statusCode === 429 || error.statusCode >= 500
  return error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')
}

/** Removes the run's credentials (the link, its ticket, tokens) from text. */
export type Redact = (text: string) => string

/**
 * A stand-in for `error` to keep as a `cause`: its name and redacted message only. The original may
 * hold what Browser Use echoed of the request (the link) in its message, `detail` or own `cause`.
 */
export function redactedCause(error: unknown, redact: Redact): Error {
  const copy = new Error(redact(error instanceof Error ? error.message : String(error)))
  if (error instanceof Error) copy.name = error.name
  return copy
}

/**
 * Browser Use's answer as a `BrowserAgentError` naming the fix. Browser Use may echo the request in
 * its message (a 422 lists the input, the link included): it is redacted, then cut to 300 characters.
 */
export function fromBrowserUse(error: unknown, doing: string, redact: Redact): BrowserAgentError {
  if (error instanceof BrowserAgentError) return error
  if (!isBrowserUseError(error)) {
    return new BrowserAgentError('browser_use_unavailable', `Could not reach Browser Use while ${doing}: check BROWSER_USE_BASE_URL and the network, then retry.`, undefined, {
      cause: redactedCause(error, redact),
    })
  }
  const { statusCode } = error
  const detail = truncateText(redact(error.message), 300)
  switch (statusCode) {
    case 401:
    case 403:
      return new BrowserAgentError('browser_use_unauthorized', `Browser Use refused the API key while ${doing}: set BROWSER_USE_API_KEY to a valid key.`, statusCode)
    case 402:
      return new BrowserAgentError('browser_use_payment_required', `Browser Use has no credits left for this account (${doing}): add credits in its dashboard.`, statusCode)
    case 404:
      return new BrowserAgentError('browser_use_not_found', `Browser Use does not know this task or session (${doing}).`, statusCode)
    case 400:
    case 422:
      return new BrowserAgentError('browser_use_rejected', `Browser Use rejected the request while ${doing}: ${detail}`, statusCode)
    case 429:
      return new BrowserAgentError('browser_use_busy', `Browser Use is at its limit of concurrent sessions (${doing}): wait for a task to finish, or raise the plan's limit.`, statusCode)
    default:
      return new BrowserAgentError('browser_use_unavailable', `Browser Use failed with ${statusCode} while ${doing}: retry later.`, statusCode)
  }
}

/** `error` as it may leave `runBrowserAgent`: its message redacted, its cause replaced by a redacted stand-in. */
export function redactedError(error: BrowserAgentError, redact: Redact, suffix = ''): BrowserAgentError {
  return new BrowserAgentError(
    error.code,
    redact(`${error.message}${suffix}`),
    error.statusCode,
    error.cause === undefined ? undefined : { cause: redactedCause(error.cause, redact) },
  )
}
