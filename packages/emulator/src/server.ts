import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { agentTaskRoutes } from './bapi/agent-tasks.js'
import { miscBapiRoutes } from './bapi/misc.js'
import { sessionRoutes } from './bapi/sessions.js'
import { checkTestingToken, testingTokenRoutes } from './bapi/testing-tokens.js'
import { userRoutes } from './bapi/users.js'
import type { EmulatorContext } from './context.js'
import { agentTaskTicketRoutes } from './fapi/agent-task-ticket.js'
import { clerkBundleRoutes } from './fapi/clerk-bundles.js'
import { applyClerkJsCors, clerkJsMethod } from './fapi/clerk-js/cors.js'
import { clerkJsRoutes } from './fapi/clerk-js/routes.js'
import { handshakeRoutes } from './fapi/handshake.js'
import { signInPageRoutes } from './fapi/sign-in-page.js'
import { ApiError, errors } from './http/errors.js'
import { inspectorRoutes } from './inspector/routes.js'
import { stateRoutes } from './inspector/state-routes.js'
import type { Faults } from './http/faults.js'
import { parseCookies, sendError } from './http/io.js'
import type { RateLimiter } from './http/rate-limit.js'
import type { RequestLog } from './http/request-log.js'
import { Router } from './http/router.js'
import { withRequestAttributes } from './webhooks/request-attributes.js'

export interface ServerParts {
  context: () => EmulatorContext | undefined
  faults: Faults
  limiter: RateLimiter
  log: RequestLog
}

const router = new Router().add(
  ...agentTaskRoutes,
  ...userRoutes,
  ...sessionRoutes,
  ...miscBapiRoutes,
  ...testingTokenRoutes,
  ...agentTaskTicketRoutes,
  ...handshakeRoutes,
  ...signInPageRoutes,
  ...clerkBundleRoutes,
  ...clerkJsRoutes,
  ...stateRoutes,
  ...inspectorRoutes,
)

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function checkSecretKey(ctx: EmulatorContext, req: IncomingMessage): void {
  const header = req.headers.authorization
  if (!header) throw errors.unauthorized(true)
  const [scheme, token] = header.split(' ', 2)
  if (scheme !== 'Bearer' || !token || !safeEqual(token, ctx.secretKey)) throw errors.unauthorized(false)
}

function requestUrl(req: IncomingMessage): URL {
  const raw = req.url ?? '/'
  return raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw)
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now()
  const method = (req.method ?? 'GET').toUpperCase()
  let url: URL
  try {
    url = requestUrl(req)
  } catch {
    url = new URL('http://127.0.0.1/')
  }
  let logged = false
  const record = (status: number) => {
    if (logged) return
    logged = true
    parts.log.record({ method, path: url.pathname, status, at })
  }
  res.on('finish', () => record(res.statusCode))
  res.on('close', () => record(res.writableFinished ? res.statusCode : 0))

  let noStore = false
  try {
    const ctx = parts.context()
    if (!ctx) throw ApiError.of(503, 'emulator_starting', 'starting', 'The emulator is still starting.')
    if (applyClerkJsCors(ctx, req, res, method, url.pathname)) return
    if (await parts.faults.apply(req, res, url.pathname)) return
    const routeMethod = clerkJsMethod(method, url)
    const match = router.match(routeMethod, url.pathname)
    if (!match.route) {
      throw match.pathKnown
        ? ApiError.of(405, 'method_not_allowed', 'method not allowed', `${routeMethod} is not allowed on ${url.pathname}.`)
        : errors.notFound()
    }
    noStore = match.route.kind === 'fapi'
    if (match.route.kind === 'fapi') checkTestingToken(ctx, url)
    if (match.route.kind === 'bapi') {
      checkSecretKey(ctx, req)
      const retryAfter = parts.limiter.check()
      if (retryAfter !== undefined) throw errors.tooManyRequests(retryAfter)
    }
    await match.route.handler(ctx, {
      req,
      res,
      method: routeMethod,
      url,
      cookies: parseCookies(req.headers.cookie),
      params: match.params,
    })
  } catch (error) {
    if (res.headersSent || res.destroyed) return
    const apiError =
      error instanceof ApiError
        ? error
        : ApiError.of(500, 'internal_clerk_error', 'Oops, an unexpected error occurred', 'The emulator hit an unexpected error.')
    if (!(error instanceof ApiError)) console.error('agent-tasks-emulator: unexpected error:', error instanceof Error ? error.message : error)
    sendError(res, apiError, noStore ? { 'Cache-Control': 'no-store' } : {})
  }
}

/** The node:http server with routing, auth, rate limiting, fault injection and request logging. */
export function createEmulatorServer(parts: ServerParts): Server {
  return createServer((req, res) => {
    void withRequestAttributes(req, () => handle(parts, req, res))
  })
}
