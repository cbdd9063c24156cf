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

/** Browser Use's answer as a `BrowserAgentError` naming the fix. Never includes a URL from the request. */
export function fromBrowserUse(error: unknown, doing: string): BrowserAgentError {
  if (error instanceof BrowserAgentError) return error
  if (!isBrowserUseError(error)) {
    return new BrowserAgentError('browser_use_unavailable', `Could not reach Browser Use while ${doing}: check BROWSER_USE_BASE_URL and the network, then retry.`, undefined, { cause: error })
  }
  const { statusCode } = error
  const detail = error.message.slice(0, 300)
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
