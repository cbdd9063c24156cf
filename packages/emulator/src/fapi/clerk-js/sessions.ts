import type { EmulatorContext } from '../../context.js'
import { ApiError } from '../../http/errors.js'
import { sendJson } from '../../http/io.js'
import type { RequestInfo, Route } from '../../http/router.js'
import { mintSessionToken } from '../../session/tokens.js'
import type { ClientRecord, SessionRecord } from '../../state/records.js'
import { readFapiBody } from './body.js'
import { findClient, pageOrigin, tokenOptionsFor } from './browser-client.js'
import { refuseFromAgentSession } from './agent-restrictions.js'
import { sendWithClient } from './respond.js'
import { clientJson } from './serialize-client.js'
import { sessionJsonForClerkJs, tokenJson } from './serialize-session.js'

function sessionNotFound(): ApiError {
  return ApiError.of(404, 'resource_not_found', 'not found', 'No session with this id on this client.')
}

/** Clerk answers a token request for a session that is no longer active with 401, and clerk-js then signs out. */
function sessionInactive(session: SessionRecord): ApiError {
  return ApiError.of(401, 'authentication_invalid', 'Session is not active', `Session ${session.id} is ${session.status}.`)
}

/** The session `:id` of this browser's client. */
function sessionOf(ctx: EmulatorContext, request: RequestInfo): { client: ClientRecord; session: SessionRecord } {
  const client = findClient(ctx, request)
  const session = client && request.params.id ? ctx.store.getSession(request.params.id) : undefined
  if (!client || !session || session.clientId !== client.id) throw sessionNotFound()
  return { client, session }
}

function activeSessionOf(ctx: EmulatorContext, request: RequestInfo): { client: ClientRecord; session: SessionRecord } {
  const found = sessionOf(ctx, request)
  if (found.session.status !== 'active') throw sessionInactive(found.session)
  return found
}

/** Ends a session the way clerk-js asks (`remove`, `end`), refused from an agent session. */
function endRoute(action: 'remove' | 'end'): Route {
  return {
    method: 'POST',
    path: `/v1/client/sessions/:id/${action}`,
    kind: 'fapi',
    handler(ctx, request) {
      const { client, session } = sessionOf(ctx, request)
      refuseFromAgentSession(session, 'sign_out')
      ctx.store.endSession(session, action === 'remove' ? 'removed' : 'ended')
      sendWithClient(ctx, request, sessionJsonForClerkJs(ctx, session, null), client)
    },
  }
}

/** Sessions of this browser's client: touch (setActive), token refresh, sign-out. */
export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/client/sessions/:id/touch',
    kind: 'fapi',
    async handler(ctx, request) {
      const body = await readFapiBody(request.req)
      const { client, session } = activeSessionOf(ctx, request)
      // The emulator has no organizations: any organization id is a switch away from "no organization".
      const organizationId = body.get('active_organization_id')
      if (organizationId) refuseFromAgentSession(session, 'organization_switch')
      if (organizationId) throw ApiError.of(404, 'resource_not_found', 'not found', `Organization ${organizationId} was not found.`, { param_name: 'active_organization_id' })
      session.lastActiveAt = Date.now()
      client.lastActiveSessionId = session.id
      sendWithClient(ctx, request, sessionJsonForClerkJs(ctx, session, tokenOptionsFor(request)), client)
    },
  },
  {
    method: 'POST',
    path: '/v1/client/sessions/:id/tokens',
    kind: 'fapi',
    async handler(ctx, request) {
      await readFapiBody(request.req)
      const { session } = activeSessionOf(ctx, request)
      sendJson(request.res, 200, tokenJson(mintSessionToken(ctx, session, tokenOptionsFor(request))), { 'Cache-Control': 'no-store' })
    },
  },
  endRoute('remove'),
  endRoute('end'),
  {
    method: 'DELETE',
    path: '/v1/client/sessions',
    kind: 'fapi',
    handler(ctx, request) {
      const client = findClient(ctx, request)
      if (client) signOutClient(ctx, client)
      sendWithClient(ctx, request, client ? clientJson(ctx, client, pageOrigin(request)) : null, client)
    },
  },
  {
    method: 'DELETE',
    path: '/v1/client',
    kind: 'fapi',
    handler(ctx, request) {
      const client = findClient(ctx, request)
      if (client) signOutClient(ctx, client)
      sendWithClient(ctx, request, client ? clientJson(ctx, client, pageOrigin(request)) : null, client)
    },
  },
]

/** Signs every session of the client out; refused as a whole when one of them is an agent session. */
function signOutClient(ctx: EmulatorContext, client: ClientRecord): void {
  const sessions = client.sessionIds.map((id) => ctx.store.getSession(id)).filter((s): s is SessionRecord => s?.status === 'active')
  for (const session of sessions) refuseFromAgentSession(session, 'sign_out')
  for (const session of sessions) ctx.store.endSession(session, 'removed')
}
