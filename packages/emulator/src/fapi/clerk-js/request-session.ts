import type { EmulatorContext } from '../../context.js'
import { ApiError } from '../../http/errors.js'
import type { RequestInfo } from '../../http/router.js'
import type { ClientRecord, SessionRecord, UserRecord } from '../../state/records.js'
import { findClient } from './browser-client.js'

function signedOut(): ApiError {
  return ApiError.of(401, 'authentication_invalid', 'Unauthorized request', 'You are signed out. Sign in to call /v1/me.')
}

/**
 * The signed-in session a `/v1/me` call acts as: `_clerk_session_id` (clerk-js sends it) when it is an active
 * session of this browser's client, else the client's last active session.
 */
export function requestSession(ctx: EmulatorContext, request: RequestInfo): { client: ClientRecord; session: SessionRecord; user: UserRecord } {
  const client = findClient(ctx, request)
  if (!client) throw signedOut()
  const wanted = request.url.searchParams.get('_clerk_session_id') ?? client.lastActiveSessionId
  const session = wanted ? ctx.store.getSession(wanted) : undefined
  const user = session ? ctx.store.users.get(session.userId) : undefined
  if (!session || session.clientId !== client.id || session.status !== 'active' || !user) throw signedOut()
  return { client, session, user }
}
