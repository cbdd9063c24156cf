import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from '../../context.js'
import { isAllowedRedirect } from '../../redirects.js'

/** The Frontend API paths clerk-js calls from the app's origin (and the avatars its UI loads with CORS). */
const CLERK_JS_PATHS = ['/v1/environment', '/v1/client', '/v1/me', '/v1/dev_browser', '/v1/img']

export function isClerkJsPath(path: string): boolean {
  return CLERK_JS_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/**
 * CORS for clerk-js's cross-origin calls (credentials included): the request's `Origin` is echoed when it is
 * an origin the instance allows (loopback, the emulator, `allowedRedirectOrigins`). Returns true when it
 * answered a preflight itself.
 */
export function applyClerkJsCors(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, method: string, path: string): boolean {
  if (!isClerkJsPath(path)) return false
  const origin = req.headers.origin
  if (typeof origin !== 'string' || !isAllowedRedirect(ctx, origin)) return false
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Access-Control-Expose-Headers', 'Clerk-Db-Jwt, X-Country')
  res.setHeader('Vary', 'Origin')
  if (method !== 'OPTIONS') return false
  const requested = req.headers['access-control-request-headers']
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': typeof requested === 'string' ? requested : 'Content-Type',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  })
  res.end()
  return true
}

/** clerk-js sends PATCH/PUT/DELETE as POST with `?_method=…` (Clerk's Frontend API honours it). */
export function clerkJsMethod(method: string, url: URL): string {
  if (method !== 'POST' || !isClerkJsPath(url.pathname)) return method
  const override = url.searchParams.get('_method')?.toUpperCase()
  return override === 'PATCH' || override === 'PUT' || override === 'DELETE' ? override : method
}
