import type { EmulatorContext } from '../context.js'
import { errors } from '../http/errors.js'
import { readJsonObject, sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'
import { sessionJson } from '../serialize.js'
import { mintSessionToken } from '../session/tokens.js'
import type { SessionRecord } from '../state/records.js'
import { queryInt, rejectUnknown, requiredString } from './validate.js'

function getSessionOr404(ctx: EmulatorContext, id: string): SessionRecord {
  const session = ctx.store.getSession(id)
  if (!session) throw errors.notFound('session')
  return session
}

/** `/v1/sessions` — create, list, get, revoke, mint tokens. */
export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/sessions',
    kind: 'bapi',
    async handler(ctx, { req, res }) {
      const body = await readJsonObject(req)
      rejectUnknown(body, ['user_id'])
      const userId = requiredString(body, 'user_id')
      if (!ctx.store.users.has(userId)) throw errors.notFound('user')
      const session = ctx.store.createSession(userId, ctx.store.createClient())
      sendJson(res, 200, sessionJson(session))
    },
  },
  {
    method: 'GET',
    path: '/v1/sessions',
    kind: 'bapi',
    handler(ctx, { res, url }) {
      const clientId = url.searchParams.get('client_id')
      const userId = url.searchParams.get('user_id')
      const status = url.searchParams.get('status')
      const limit = queryInt(url, 'limit', 10, 500)
      const offset = queryInt(url, 'offset', 0, Number.MAX_SAFE_INTEGER)
      const matching = ctx.store
        .listSessions()
        .filter((s) => (!clientId || s.clientId === clientId) && (!userId || s.userId === userId) && (!status || s.status === status))
        .sort((a, b) => b.createdAt - a.createdAt)
      const page = matching.slice(offset, offset + limit).map(sessionJson)
      if (url.searchParams.get('paginated') === 'true') {
        sendJson(res, 200, { data: page, total_count: matching.length })
      } else {
        sendJson(res, 200, page)
      }
    },
  },
  {
    method: 'GET',
    path: '/v1/sessions/:id',
    kind: 'bapi',
    handler(ctx, { res, params }) {
      sendJson(res, 200, sessionJson(getSessionOr404(ctx, params.id ?? '')))
    },
  },
  {
    method: 'POST',
    path: '/v1/sessions/:id/revoke',
    kind: 'bapi',
    async handler(ctx, { req, res, params }) {
      await readJsonObject(req)
      const session = getSessionOr404(ctx, params.id ?? '')
      ctx.store.endSession(session, 'revoked')
      sendJson(res, 200, sessionJson(session))
    },
  },
  {
    method: 'POST',
    path: '/v1/sessions/:id/tokens',
    kind: 'bapi',
    async handler(ctx, { req, res, params }) {
      const body = await readJsonObject(req)
      rejectUnknown(body, ['expires_in_seconds'])
      const session = getSessionOr404(ctx, params.id ?? '')
      // Only active sessions can mint tokens; ended/revoked/expired ones look gone.
      if (session.status !== 'active') throw errors.notFound('session')
      const ttl = body.expires_in_seconds
      if (ttl !== undefined && ttl !== null && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0)) {
        throw errors.paramInvalid('expires_in_seconds', 'must be a positive integer.')
      }
      const jwt = mintSessionToken(ctx, session, typeof ttl === 'number' ? { ttlSeconds: ttl } : {})
      sendJson(res, 200, { object: 'token', jwt })
    },
  },
  {
    method: 'POST',
    path: '/v1/sessions/:id/tokens/:template',
    kind: 'bapi',
    async handler(ctx, { req, params }) {
      await readJsonObject(req)
      const session = getSessionOr404(ctx, params.id ?? '')
      if (session.status !== 'active') throw errors.notFound('session')
      // JWT templates are not emulated.
      throw errors.notFound('JWT template')
    },
  },
]
