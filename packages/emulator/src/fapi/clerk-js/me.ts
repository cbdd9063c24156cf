import { ApiError, errors } from '../../http/errors.js'
import { sendJson } from '../../http/io.js'
import type { Handler, Route } from '../../http/router.js'
import { refuseFromAgentSession } from './agent-restrictions.js'
import { readFapiBody } from './body.js'
import { requestSession } from './request-session.js'
import { sendWithClient } from './respond.js'
import { sessionJsonForClerkJs, sessionWithActivityJson } from './serialize-session.js'
import { userJsonForClerkJs } from './serialize-user.js'

const NAME_FIELDS = ['first_name', 'last_name', 'username'] as const

/** A profile change the emulator does not model: refused from an agent session first, as Clerk does. */
function unsupportedProfileChange(what: string): Handler {
  return (ctx, request) => {
    const { session } = requestSession(ctx, request)
    refuseFromAgentSession(session, 'profile_change')
    throw ApiError.of(422, 'feature_not_enabled', 'not supported', `The emulator does not support ${what} from the Frontend API.`)
  }
}

/** The signed-in user (`Clerk.user`): read, name changes, the session list of the user button and profile. */
export const meRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/me',
    kind: 'fapi',
    handler(ctx, request) {
      const { client, user } = requestSession(ctx, request)
      sendWithClient(ctx, request, userJsonForClerkJs(ctx, user), client)
    },
  },
  {
    method: 'PATCH',
    path: '/v1/me',
    kind: 'fapi',
    async handler(ctx, request) {
      const body = await readFapiBody(request.req)
      const { client, session, user } = requestSession(ctx, request)
      refuseFromAgentSession(session, 'profile_change')
      for (const key of body.keys()) {
        if (!(NAME_FIELDS as readonly string[]).includes(key) && key !== 'unsafe_metadata') throw errors.paramUnknown(key)
      }
      const first = body.get('first_name')
      const last = body.get('last_name')
      const username = body.get('username')
      if (first !== undefined) user.firstName = first || null
      if (last !== undefined) user.lastName = last || null
      if (username !== undefined) {
        const taken = username ? ctx.store.findUserByUsername(username) : undefined
        if (taken && taken.id !== user.id) throw ApiError.of(422, 'form_identifier_exists', 'That username is taken. Please try another.', 'That username is taken. Please try another.', { param_name: 'username' })
        user.username = username ? username.toLowerCase() : null
      }
      const metadata = body.get('unsafe_metadata')
      if (metadata !== undefined) {
        try {
          user.unsafeMetadata = JSON.parse(metadata) as Record<string, unknown>
        } catch {
          throw errors.paramInvalid('unsafe_metadata', 'must be a JSON object.')
        }
      }
      user.updatedAt = Date.now()
      ctx.store.events.emit({ type: 'user.updated', user })
      sendWithClient(ctx, request, userJsonForClerkJs(ctx, user), client)
    },
  },
  {
    method: 'GET',
    path: '/v1/me/sessions/active',
    kind: 'fapi',
    handler(ctx, request) {
      const { user } = requestSession(ctx, request)
      const active = ctx.store.listSessions().filter((s) => s.userId === user.id && s.status === 'active')
      // clerk-js reads this list bare (no `{ response, client }` envelope).
      sendJson(request.res, 200, active.map((s) => sessionWithActivityJson(ctx, s)), { 'Cache-Control': 'no-store' })
    },
  },
  {
    method: 'POST',
    path: '/v1/me/sessions/:id/revoke',
    kind: 'fapi',
    handler(ctx, request) {
      const { client, session, user } = requestSession(ctx, request)
      refuseFromAgentSession(session, 'sign_out')
      const target = ctx.store.getSession(request.params.id ?? '')
      if (!target || target.userId !== user.id) throw errors.notFound('session')
      ctx.store.endSession(target, 'revoked')
      sendWithClient(ctx, request, sessionJsonForClerkJs(ctx, target, null), client)
    },
  },
  { method: 'POST', path: '/v1/me/change_password', kind: 'fapi', handler: unsupportedProfileChange('password changes') },
  { method: 'POST', path: '/v1/me/email_addresses', kind: 'fapi', handler: unsupportedProfileChange('adding email addresses') },
  { method: 'DELETE', path: '/v1/me/email_addresses/:id', kind: 'fapi', handler: unsupportedProfileChange('removing email addresses') },
  { method: 'POST', path: '/v1/me/profile_image', kind: 'fapi', handler: unsupportedProfileChange('profile images') },
  { method: 'DELETE', path: '/v1/me', kind: 'fapi', handler: unsupportedProfileChange('deleting the account') },
]
