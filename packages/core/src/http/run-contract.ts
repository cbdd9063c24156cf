import type { AgentTasksService } from '../agent-tasks.js'
import { AgentTaskError } from '../errors.js'
import { refusalOf } from '../guards.js'
import type { AgentTasksAuth, SignedInAuth } from '../types.js'
import type { ContractRequest, ContractResponse } from './contract.js'
import { readCreateBody } from './parse-body.js'
import { jsonResponse, problemOf, refusalResponse } from './responses.js'
import { matchRoute } from './routes.js'
import { crossOriginRefusal } from './same-origin.js'

export interface ContractCall<Context> {
  /** The caller as the framework's Clerk SDK sees them. */
  auth: AgentTasksAuth | null | undefined
  /** The framework's request object, handed to `authorize` and hooks. */
  context: Context
  /** The app's origin for this request (`https://app.example`), asked for only once the caller is known. */
  origin(): string | Promise<string>
}

/**
 * The HTTP contract: `POST /` mints, `POST /{agentTaskId}/revoke` revokes. Who is asking is settled
 * before the body is read or anything else happens. Throws `AgentTaskError`s (see `settle`).
 */
export async function runContract<Context>(
  service: AgentTasksService<Context>,
  request: ContractRequest,
  call: ContractCall<Context>,
): Promise<ContractResponse> {
  const route = request.path === undefined ? undefined : matchRoute(request.path)
  if (route === undefined) {
    throw new AgentTaskError('not_found', 'No agent-tasks route here. Use POST / or POST /{agentTaskId}/revoke.')
  }
  if (request.method !== 'POST') {
    const response = problemOf({ code: 'method_not_allowed', message: `Use POST; ${request.method} is not supported here.` })
    response.headers.Allow = 'POST'
    return response
  }
  const refusal = refusalOf(call.auth, service.resolved.allowAgentSessions)
  if (refusal !== undefined) {
    if (service.resolved.hooks.onDenied) await service.deny(refusal, route.action, call)
    return refusalResponse(refusal)
  }
  const auth = call.auth as SignedInAuth
  const pending = call.origin()
  const origin = pending instanceof Promise ? await pending : pending
  const crossOrigin = crossOriginRefusal(request.header, origin, service.resolved.trustedOrigins)
  if (crossOrigin !== undefined) {
    await service.deny(crossOrigin, route.action, call)
    return problemOf(crossOrigin)
  }

  if (route.action === 'create') {
    const { maxBodyBytes, bodyTimeoutMs } = service.resolved
    const body = await readCreateBody(request, { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs })
    const agentTask = await service.mint(auth, body, { auth, context: call.context, origin })
    return jsonResponse(201, { message: 'Agent Task created', agentTask })
  }
  const record = await service.end(auth, route.agentTaskId, call)
  return jsonResponse(200, { message: 'Agent Task revoked', agentTask: record })
}
