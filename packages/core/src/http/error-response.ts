import { AgentTaskError } from '../errors.js'
import { redactCredentials } from '../redact.js'
import type { ContractResponse } from './contract.js'
import { problemOf } from './responses.js'

export interface ErrorAnswerOptions {
  /** Errors the framework must see as they are (Next.js redirects and the like): rethrown. */
  isFrameworkError?: ((error: unknown) => boolean) | undefined
}

function describe(error: unknown): string {
  return redactCredentials(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error))
}

/** Logs an error nobody planned for, once, without links or keys. */
export function reportUnexpected(error: unknown): void {
  console.error(`[agent-tasks] unexpected error while handling a request: ${describe(error)}`)
}

/**
 * The answer every adapter gives to whatever a request threw: an `AgentTaskError` becomes its problem
 * document, anything else is logged once and answered as a 500 problem. The framework's own errors
 * are rethrown.
 */
export function answerError(error: unknown, options: ErrorAnswerOptions = {}): ContractResponse {
  if (error instanceof AgentTaskError) return problemOf(error)
  if (options.isFrameworkError?.(error)) throw error
  reportUnexpected(error)
  return problemOf(new AgentTaskError('internal_error', 'Something went wrong while handling the request.'))
}
