import { AgentTaskError, agentTaskErrorCodes } from '../errors.js'

// Links are credentials: no response of this API may be cached anywhere.
const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

/** An RFC 9457 problem document: `type`, `title`, `status`, `detail`, plus `code` and `errors`. */
export function problemResponse(error: AgentTaskError): Response {
  const headers: Record<string, string> = { ...error.headers }
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.ceil(error.retryAfterSeconds))
  const body = {
    type: `urn:agent-tasks:error:${error.code}`,
    title: agentTaskErrorCodes[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  }
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  })
}

export function unexpectedErrorResponse(): Response {
  return problemResponse(new AgentTaskError('internal_error', 'Something went wrong while handling the request.'))
}
