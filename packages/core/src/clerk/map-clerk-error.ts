import { AgentTaskError } from '../errors.js'
import type { AgentTaskAction } from '../types.js'

interface ClerkErrorDetails {
  status: number | undefined
  code: string | undefined
  message: string | undefined
  retryAfter: number | undefined
}

/** Reads a `ClerkAPIResponseError` by shape, so any `@clerk/backend` copy in the app works. */
function readClerkError(error: unknown): ClerkErrorDetails | undefined {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return undefined
  const { errors, status, retryAfter } = error as { errors: unknown; status?: unknown; retryAfter?: unknown }
  if (!Array.isArray(errors)) return undefined
  const first = (errors[0] ?? {}) as { code?: unknown; message?: unknown; longMessage?: unknown }
  const text = first.longMessage ?? first.message
  return {
    status: typeof status === 'number' ? status : undefined,
    code: typeof first.code === 'string' ? first.code : undefined,
    message: typeof text === 'string' ? text : undefined,
    retryAfter: typeof retryAfter === 'number' && retryAfter >= 0 ? retryAfter : undefined,
  }
}

const DEFAULT_RETRY_AFTER_SECONDS = 10

/** Turns whatever the Clerk client threw into an `AgentTaskError` with a fitting status. */
export function mapClerkError(error: unknown, action: AgentTaskAction): AgentTaskError {
  if (error instanceof AgentTaskError) return error
  const clerk = readClerkError(error)
  const cause = error
  if (!clerk || clerk.status === undefined) {
    return new AgentTaskError('upstream_error', 'Could not reach Clerk, or its reply was unreadable.', {
      cause,
      ...(clerk?.code === undefined ? {} : { upstreamCode: clerk.code }),
    })
  }
  const upstream = {
    cause,
    upstreamStatus: clerk.status,
    ...(clerk.code === undefined ? {} : { upstreamCode: clerk.code }),
  }
  const reason = clerk.message ?? `Clerk answered ${clerk.status}.`

  if (clerk.status === 429) {
    const retryAfterSeconds = clerk.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS
    return new AgentTaskError('rate_limited', 'Clerk is rate limiting this app; retry later.', {
      ...upstream,
      retryAfterSeconds,
    })
  }
  if (clerk.status === 401 || clerk.status === 403) {
    return new AgentTaskError(
      'upstream_error',
      'Clerk refused the server credentials; check the secret key the app is configured with.',
      upstream,
    )
  }
  if (clerk.status >= 500) {
    return new AgentTaskError('upstream_error', `Clerk failed with status ${clerk.status}.`, upstream)
  }
  if (action === 'revoke') {
    if (clerk.status === 404) {
      return new AgentTaskError('agent_task_not_found', 'No such agent task.', upstream)
    }
    if (clerk.code === 'agent_task_cannot_be_revoked') {
      return new AgentTaskError(
        'agent_task_already_used',
        'This link was already used, so it can no longer be revoked. To end the agent’s access, revoke the session it created.',
        upstream,
      )
    }
  }
  if (action === 'create' && clerk.status === 404) {
    return new AgentTaskError('subject_not_found', `The user to sign in was not found: ${reason}`, {
      ...upstream,
      fields: [{ field: 'onBehalfOf', message: 'no such user in this Clerk instance' }],
    })
  }
  return new AgentTaskError('upstream_rejected', `Clerk rejected the request: ${reason}`, upstream)
}
