import { sendJson } from '../../http/io.js'
import type { Handler, Route } from '../../http/router.js'
import { environmentJson } from './serialize-environment.js'

const environment: Handler = (ctx, { res }) => sendJson(res, 200, environmentJson(ctx), { 'Cache-Control': 'no-store' })

/** `GET /v1/environment`, and the `PATCH` clerk-js sends on load to touch it. */
export const environmentRoutes: Route[] = [
  { method: 'GET', path: '/v1/environment', kind: 'fapi', handler: environment },
  { method: 'PATCH', path: '/v1/environment', kind: 'fapi', handler: environment },
]
