/**
 * Every failure the library reports has a stable `code`. The table is the documented contract:
 * status codes and codes never change within a major version.
 */
export const agentTaskErrorCodes = {
  unauthenticated: { status: 401, title: 'Not signed in' },
  agent_session_forbidden: { status: 403, title: 'Agent sessions cannot mint links' },
  cross_origin_request: { status: 403, title: 'Cross-origin request refused' },
  on_behalf_of_forbidden: { status: 403, title: 'Not allowed to act for this user' },
  agent_action_forbidden: { status: 403, title: 'Agents may not do this' },
  agent_task_not_found: { status: 404, title: 'Agent task not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_found: { status: 404, title: 'Not found' },
  approval_not_found: { status: 404, title: 'Approval request not found' },
  agent_task_already_used: { status: 409, title: 'Agent task already used' },
  agent_task_already_revoked: { status: 409, title: 'Agent task already revoked' },
  agent_session_already_ended: { status: 409, title: 'Agent session already ended' },
  approval_already_decided: { status: 409, title: 'Approval request already answered' },
  approval_expired: { status: 409, title: 'Approval request expired' },
  invalid_request: { status: 400, title: 'Invalid request' },
  request_timeout: { status: 408, title: 'Request body not received in time' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  subject_not_found: { status: 422, title: 'User not found' },
  upstream_rejected: { status: 422, title: 'Clerk rejected the request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  too_many_pending_links: { status: 429, title: 'Too many unused links' },
  upstream_error: { status: 502, title: 'Clerk request failed' },
  upstream_timeout: { status: 504, title: 'Clerk did not answer in time' },
  store_unavailable: { status: 503, title: 'Link records unavailable' },
  webhook_not_configured: { status: 404, title: 'Clerk webhooks not configured' },
  webhook_signature_invalid: { status: 401, title: 'Webhook signature not verified' },
  internal_error: { status: 500, title: 'Internal error' },
  misconfigured: { status: 500, title: 'Server misconfigured' },
} as const satisfies Record<string, { status: number; title: string }>

export type AgentTaskErrorCode = keyof typeof agentTaskErrorCodes

/** One problem with one input field; `field` is a dotted path such as `onBehalfOf.userId`. */
export interface FieldError {
  field: string
  message: string
}

export interface AgentTaskErrorOptions {
  fields?: readonly FieldError[]
  retryAfterSeconds?: number
  /** HTTP status Clerk answered with, when the error came from Clerk. */
  upstreamStatus?: number
  /** Clerk's own error code, when the error came from Clerk. */
  upstreamCode?: string
  headers?: Record<string, string>
  cause?: unknown
}

/**
 * The one error type the library throws and turns into responses. Messages are written for the
 * developer reading them and never contain a link, a token or a secret key.
 */
export class AgentTaskError extends Error {
  override readonly name = 'AgentTaskError'
  readonly code: AgentTaskErrorCode
  readonly status: number
  readonly fields: readonly FieldError[]
  readonly retryAfterSeconds: number | undefined
  readonly upstreamStatus: number | undefined
  readonly upstreamCode: string | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(code: AgentTaskErrorCode, message: string, options: AgentTaskErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.status = agentTaskErrorCodes[code].status
    this.fields = options.fields ?? []
    this.retryAfterSeconds = options.retryAfterSeconds
    this.upstreamStatus = options.upstreamStatus
    this.upstreamCode = options.upstreamCode
    this.headers = options.headers ?? {}
  }
}

export function isAgentTaskError(value: unknown): value is AgentTaskError {
  return value instanceof AgentTaskError
}

export function invalidRequest(fields: readonly FieldError[]): AgentTaskError {
  const names = fields.map((f) => f.field).join(', ')
  return new AgentTaskError('invalid_request', `Invalid request: check ${names}.`, { fields })
}
