import type { ActClaim, SessionJSON, SessionWithActivitiesJSON, TokenJSON } from '@clerk/shared/types'
import type { EmulatorContext } from '../../context.js'
import { mintSessionToken } from '../../session/tokens.js'
import type { SessionRecord } from '../../state/records.js'
import { publicUserDataJson, userJsonForClerkJs } from './serialize-user.js'

/**
 * A session token as clerk-js reads it: it looks only at `jwt`. (`@clerk/shared` types `last_active_token` with
 * its API-key `TokenJSON`, which Clerk's Frontend API does not send, hence the cast.)
 */
export function tokenJson(jwt: string): TokenJSON {
  return { object: 'token', id: '', jwt } as unknown as TokenJSON
}

function statusOf(session: SessionRecord): SessionJSON['status'] {
  return session.status === 'revoked' || session.status === 'removed' || session.status === 'ended' || session.status === 'expired'
    ? session.status
    : 'active'
}

/**
 * A session of this browser's client. `token` set: an active session carries a fresh session token for
 * `token.azp` (the page's origin), as Clerk's responses do; clerk-js primes its token cache with it.
 */
export function sessionJsonForClerkJs(ctx: EmulatorContext, session: SessionRecord, token: { azp?: string } | null): SessionJSON {
  const user = ctx.store.users.get(session.userId)
  if (!user) throw new Error(`Session ${session.id} has no user.`)
  const minutes = Math.floor((Date.now() - session.createdAt) / 60_000)
  const active = session.status === 'active'
  return {
    object: 'session',
    id: session.id,
    status: statusOf(session),
    factor_verification_age: [minutes, -1],
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_token: active && token ? tokenJson(mintSessionToken(ctx, session, token)) : (null as unknown as TokenJSON),
    last_active_organization_id: null,
    actor: session.actor as ActClaim | null,
    tasks: null,
    user: userJsonForClerkJs(ctx, user),
    public_user_data: publicUserDataJson(ctx, user),
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  }
}

/** An entry of `GET /v1/me/sessions/active` (the user button's and user profile's device list). */
export function sessionWithActivityJson(ctx: EmulatorContext, session: SessionRecord): SessionWithActivitiesJSON {
  const { user: _user, last_active_token: _token, ...rest } = sessionJsonForClerkJs(ctx, session, null)
  return {
    ...rest,
    last_active_token: null as unknown as TokenJSON,
    user: null,
    latest_activity: {
      object: 'session_activity',
      id: `sess_activity_${session.id}`,
      device_type: 'Emulator',
      browser_name: 'Browser',
      browser_version: '',
      ip_address: '127.0.0.1',
      city: '',
      country: '',
      is_mobile: false,
    },
  }
}
