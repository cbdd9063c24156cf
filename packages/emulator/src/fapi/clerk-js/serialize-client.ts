import type { ClientJSON } from '@clerk/shared/types'
import type { EmulatorContext } from '../../context.js'
import type { ClientRecord } from '../../state/records.js'
import { sessionJsonForClerkJs } from './serialize-session.js'
import { signInJson } from './serialize-sign-in.js'
import { signInOf } from './sign-in-state.js'

/** The browser's client with its active sessions (each with a fresh token for `azp`) and its sign-in in progress. */
export function clientJson(ctx: EmulatorContext, client: ClientRecord, azp: string | undefined): ClientJSON {
  const sessions = client.sessionIds
    .map((id) => ctx.store.getSession(id))
    .filter((s) => s?.status === 'active' && ctx.store.users.has(s.userId))
    .map((s) => sessionJsonForClerkJs(ctx, s!, azp ? { azp } : {}))
  const signIn = signInOf(client)
  const active = client.lastActiveSessionId && sessions.some((s) => s.id === client.lastActiveSessionId) ? client.lastActiveSessionId : null
  return {
    object: 'client',
    id: client.id,
    sessions,
    sign_up: null,
    sign_in: signIn && signIn.status !== 'complete' ? signInJson(ctx, signIn) : null,
    last_active_session_id: active,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  }
}
