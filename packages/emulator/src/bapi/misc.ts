import { ApiError } from '../http/errors.js'
import { sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'

/** `GET /v1/jwks` and `GET /v1/clients/handshake_payload`. */
export const miscBapiRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/jwks',
    kind: 'bapi',
    handler(ctx, { res }) {
      sendJson(res, 200, { keys: [ctx.keys.jwk] })
    },
  },
  {
    method: 'GET',
    path: '/v1/clients/handshake_payload',
    kind: 'bapi',
    handler(ctx, { res, url }) {
      const nonce = url.searchParams.get('nonce')
      const directives = nonce ? ctx.store.takeNonce(nonce) : undefined
      if (!directives) {
        throw ApiError.of(404, 'resource_not_found', 'not found', 'No handshake payload exists for that nonce.')
      }
      sendJson(res, 200, { directives })
    },
  },
]
