import type { Route } from '../../http/router.js'
import { findClient, findOrCreateClient, pageOrigin } from './browser-client.js'
import { sendWithClient } from './respond.js'
import { clientJson } from './serialize-client.js'

/** `GET /v1/client` (this browser's client, or `null`), `PUT /v1/client` (create one). */
export const clientRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/client',
    kind: 'fapi',
    handler(ctx, request) {
      const client = findClient(ctx, request)
      sendWithClient(ctx, request, client ? clientJson(ctx, client, pageOrigin(request)) : null, client)
    },
  },
  {
    method: 'PUT',
    path: '/v1/client',
    kind: 'fapi',
    handler(ctx, request) {
      const client = findOrCreateClient(ctx, request)
      sendWithClient(ctx, request, clientJson(ctx, client, pageOrigin(request)), client)
    },
  },
]
