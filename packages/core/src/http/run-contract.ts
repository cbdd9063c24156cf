import type { AgentTasksService } from '../service.js'
import { AgentTaskError } from '../errors.js'
import { type Refusal, refusalOf } from '../admission.js'
import type { AgentTasksAuth, SignedInAuth } from '../types.js'
import type { ContractRequest, ContractResponse } from './contract.js'
import { bearerTokenRefusal } from './bearer-token-refusal.js'
import { readCreateBody } from './parse-body.js'
import { jsonResponse, problemOf, refusalResponse } from './responses.js'
import { matchRoute } from './routes.js'
import { clerkHeaderToken, crossOriginRefusal } from './same-origin.js'

export interface ContractCall<Context> {
  /** The caller as the framework's Clerk SDK sees them. */
  auth: AgentTasksAuth | null | undefined
  /** The framework's request object, handed to `authorize` and hooks. */
  context: Context
  /** The app's origin for this request (`https://app.example`), asked for only once the caller is known. */
  origin(): string | Promise<string>
}

/**
 * A request that sent a session token in `Authorization` is signed out only because Clerk refused that
 * token (it then ignores cookies): the 401 says why, from the token's unverified claims.
 */
function explainUnauthenticated(refusal: Refusal, request: ContractRequest): Refusal {
  if (refusal.code !== 'unauthenticated') return refusal
  const token = clerkHeaderToken(request.header('authorization'))
  return token === undefined ? refusal : bearerTokenRefusal(token)
}

/**
 * The HTTP contract: `GET /` lists, `POST /` mints, `POST /{agentTaskId}/revoke` revokes (or ends the
 * session a used link opened), `POST /revoke-all` ends all agent access. Who is asking is settled
 * before the body is read or anything else happens. Throws `AgentTaskError`s (see `answerError`).
 */
export async function runContract<Context>(
  service: AgentTasksService<Context>,
  request: ContractRequest,
  call: ContractCall<Context>,
): Promise<ContractResponse> {
  const route = request.path === undefined ? undefined : matchRoute(request.path, request.method)
  if (route === undefined) {
    throw new AgentTaskError(
      'not_found',
      'No agent-tasks route here. Use GET / or POST /, POST /revoke-all, POST /{agentTaskId}/revoke, GET /approvals, POST /approvals/{approvalId}/approve (or /decline) or POST /clerk-webhook.',
    )
  }
  if (route.allow === 'GET' ? request.method !== 'GET' : request.method !== 'POST' && !(request.method === 'GET' && route.action === 'list')) {
    const response = problemOf({ code: 'method_not_allowed', message: `Use ${route.allow.replace(', ', ' or ')}; ${request.method} is not supported here.` })
    response.headers.Allow = route.allow
    return response
  }
  // Clerk calls it server to server: its signature is the caller's proof, not a session or an origin.
  if (route.action === 'clerk-webhook') return service.clerkWebhook(request)
  const refusal = refusalOf(call.auth, service.resolved.allowAgentSessions)
  if (refusal !== undefined) {
    const explained = explainUnauthenticated(refusal, request)
    if (service.resolved.hooks.onDenied) await service.deny(explained, route.action, call)
    return explained === refusal ? refusalResponse(refusal) : problemOf(explained)
  }
  const auth = call.auth as SignedInAuth
  const pending = call.origin()
  const origin = pending instanceof Promise ? await pending : pending
  // Listing reads and changes nothing a page could abuse, but it shows the user's links to whoever
  // reads the response: held to the same rule as the writes.
  const crossOrigin = crossOriginRefusal(request.header, origin, service.resolved.trustedOrigins)
  if (crossOrigin !== undefined) {
    await service.deny(crossOrigin, route.action, call)
    return problemOf(crossOrigin)
  }

  switch (route.action) {
    case 'create': {
      const { maxBodyBytes, bodyTimeoutMs } = service.resolved
      const body = await readCreateBody(request, { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs })
      const { agentTask, headers } = await service.mint(auth, body, { auth, context: call.context, origin })
      const response = jsonResponse(201, { message: 'Agent Task created', agentTask })
      if (headers) Object.assign(response.headers, headers)
      return response
    }
    case 'list': {
      const query = { status: request.query('status'), cursor: request.query('cursor'), limit: request.query('limit'), userId: request.query('userId') }
      return jsonResponse(200, await service.listFor(auth, query, call))
    }
    case 'revoke-all': {
      const body = await readCreateBody(request, { maxBytes: service.resolved.maxBodyBytes, timeoutMs: service.resolved.bodyTimeoutMs })
      const userId = typeof body === 'object' && body !== null ? (body as { userId?: unknown }).userId : undefined
      const result = await service.endAll(auth, userId, call)
      return jsonResponse(200, {
        message: 'Agent access ended',
        ...result,
        revokedAgentTasks: result.revokedAgentTaskIds.length,
        endedSessions: result.endedSessionIds.length,
      })
    }
    case 'list-approvals':
      return jsonResponse(200, { data: await service.policy.listApprovals(auth, call.context) })
    case 'approve':
    case 'decline': {
      const approval = await service.policy.decideApproval(auth, route.approvalId, route.action, call.context)
      return jsonResponse(200, { message: route.action === 'approve' ? 'Approved' : 'Declined', approval })
    }
    case 'revoke': {
      const record = await service.end(auth, route.agentTaskId, call)
      const ended = record.status === 'used'
      return jsonResponse(200, {
        message: ended ? 'Agent access ended' : 'Agent Task revoked',
        agentTask: record,
        endedSessions: ended ? (record.sessions ?? []).filter((s) => s.status === 'revoked').length : 0,
      })
    }
  }
}
