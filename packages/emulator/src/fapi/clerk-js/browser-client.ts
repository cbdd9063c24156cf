import type { TLSSocket } from 'node:tls'
import type { EmulatorContext } from '../../context.js'
import { ApiError } from '../../http/errors.js'
import type { RequestInfo } from '../../http/router.js'
import type { ClientRecord } from '../../state/records.js'

export const DEV_BROWSER_PARAM = '__clerk_db_jwt'

function devBrowserUnauthenticated(): ApiError {
  return ApiError.of(
    401,
    'dev_browser_unauthenticated',
    'Browser unauthenticated',
    'Unable to authenticate this browser for your development instance. Check that the __clerk_db_jwt parameter names a dev browser of this emulator.',
  )
}

/**
 * The dev browser id clerk-js sends on every request when it runs one. clerk-js 6 sets up a dev browser only
 * when the Frontend API host is one of Clerk's development domains (`*.accounts.dev`, …); on the emulator's
 * `127.0.0.1:<port>` it does not, and then (as on a production instance) the `__client` cookie names the client.
 */
function devBrowserOf(ctx: EmulatorContext, request: RequestInfo): string | undefined {
  const id = request.url.searchParams.get(DEV_BROWSER_PARAM)
  if (id === null) return undefined
  if (ctx.instance !== 'development' || !ctx.store.devBrowsers.has(id)) throw devBrowserUnauthenticated()
  return id
}

/** This browser's client: named by its dev browser (`__clerk_db_jwt` query parameter) or the `__client` cookie. */
export function findClient(ctx: EmulatorContext, request: RequestInfo): ClientRecord | undefined {
  const devBrowser = devBrowserOf(ctx, request)
  if (devBrowser !== undefined) {
    const clientId = ctx.store.devBrowsers.get(devBrowser)
    return clientId ? ctx.store.clients.get(clientId) : undefined
  }
  return ctx.store.clientFromCookie(request.cookies.__client)
}

/** This browser's client, created (and bound to the dev browser or the `__client` cookie) when it has none. */
export function findOrCreateClient(ctx: EmulatorContext, request: RequestInfo): ClientRecord {
  const existing = findClient(ctx, request)
  if (existing) return existing
  const client = ctx.store.createClient()
  const devBrowser = devBrowserOf(ctx, request)
  if (devBrowser !== undefined) {
    ctx.store.devBrowsers.set(devBrowser, client.id)
  } else {
    // clerk-js calls from the app's page, a third-party context (http app → https emulator is cross-site), where
    // browsers that block third-party cookies (Chromium does by default in Playwright) store only a Partitioned one.
    const secure = (request.req.socket as TLSSocket).encrypted === true
    const attributes = secure ? 'Path=/; HttpOnly; Secure; SameSite=None; Partitioned' : 'Path=/; HttpOnly; SameSite=Lax'
    request.res.setHeader('Set-Cookie', `__client=${ctx.store.clientCookieFor(client)}; ${attributes}; Max-Age=315360000`)
  }
  return client
}

/** The page's origin (the `Origin` header clerk-js's fetches carry): the `azp` of the session tokens minted for it. */
export function pageOrigin(request: RequestInfo): string | undefined {
  const origin = request.req.headers.origin
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined
}

/** Mint options for a token this page asks for: `azp` = the page's origin. */
export function tokenOptionsFor(request: RequestInfo): { azp?: string } {
  const azp = pageOrigin(request)
  return azp ? { azp } : {}
}
