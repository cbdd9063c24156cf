import { AgentTaskError, agentTaskErrorCodes } from '../errors.js'
import type { Refusal } from '../admission.js'
import type { ContractResponse } from './contract.js'

// Links are credentials: no response of this API may be cached anywhere.
const JSON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Type': 'application/json; charset=utf-8',
}
const PROBLEM_HEADERS = { ...JSON_HEADERS, 'Content-Type': 'application/problem+json; charset=utf-8' }

export function jsonResponse(status: number, body: unknown): ContractResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) }
}

const refusalResponses = new WeakMap<Refusal, ContractResponse>()

/**
 * The problem response for a refusal. Refusals such as "not signed in" are constants answered on every
 * signed-out request, so their response is built once; callers never modify it.
 */
export function refusalResponse(refusal: Refusal): ContractResponse {
  let response = refusalResponses.get(refusal)
  if (response === undefined) {
    response = problemOf(refusal)
    refusalResponses.set(refusal, response)
  }
  return response
}

/** An RFC 9457 problem document: `type`, `title`, `status`, `detail`, plus `code` and `errors`. */
export function problemOf(error: AgentTaskError | Refusal): ContractResponse {
  const { code, message } = error
  const { status, title } = agentTaskErrorCodes[code]
  const headers: Record<string, string> = { ...PROBLEM_HEADERS }
  const body: Record<string, unknown> = { type: `urn:agent-tasks:error:${code}`, title, status, detail: message, code }
  if (error instanceof AgentTaskError) {
    Object.assign(headers, error.headers)
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.ceil(error.retryAfterSeconds))
    if (error.fields.length > 0) body.errors = error.fields
  }
  return { status, headers, body: JSON.stringify(body) }
}

export function toWebResponse(response: ContractResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers })
}

/** A `Response` for an `AgentTaskError`, for apps that answer errors of the programmatic API themselves. */
export function problemResponse(error: AgentTaskError): Response {
  return toWebResponse(problemOf(error))
}
