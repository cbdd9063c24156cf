import { ApiError, errors } from '../http/errors.js'
import type { Route } from '../http/router.js'
import { isAllowedRedirect } from '../redirects.js'
import { handshakeDirectives, sendHandshake } from '../session/handshake.js'

/**
 * `GET /v1/client/handshake` — where clerkMiddleware sends a browser (when `proxyUrl` points here) to refresh
 * its session cookies: signed in with a fresh token if this browser's client has an active session, else signed out.
 */
export const handshakeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/client/handshake',
    kind: 'fapi',
    handler(ctx, { res, url, cookies }) {
      const redirectUrl = url.searchParams.get('redirect_url')
      if (!redirectUrl) throw errors.paramMissing('redirect_url')
      if (!isAllowedRedirect(ctx, redirectUrl)) {
        throw ApiError.of(400, 'form_param_value_invalid', 'is invalid', 'redirect_url is not an allowed redirect origin.', {
          param_name: 'redirect_url',
        })
      }
      const { store } = ctx
      const devBrowserParam = url.searchParams.get('__clerk_db_jwt') ?? undefined
      let client = store.clientFromCookie(cookies.__client)
      if (!client && devBrowserParam) {
        const clientId = store.devBrowsers.get(devBrowserParam)
        client = clientId ? store.clients.get(clientId) : undefined
      }
      let devBrowserId: string | undefined
      if (ctx.instance === 'development') {
        devBrowserId = devBrowserParam && store.devBrowsers.has(devBrowserParam) ? devBrowserParam : store.newDevBrowser(null)
        if (client) store.devBrowsers.set(devBrowserId, client.id)
      }
      const session = client ? store.activeSessionOf(client) : undefined
      const directives = handshakeDirectives(ctx, {
        ...(session ? { session } : {}),
        ...(client ? { client } : {}),
        ...(devBrowserId ? { devBrowserId } : {}),
        azp: new URL(redirectUrl).origin,
        suffixed: url.searchParams.get('suffixed_cookies') === 'true',
      })
      sendHandshake(ctx, res, {
        redirectUrl,
        directives,
        format: url.searchParams.get('format') === 'nonce' ? 'nonce' : 'token',
        ...(devBrowserId ? { devBrowserId } : {}),
      })
    },
  },
]
