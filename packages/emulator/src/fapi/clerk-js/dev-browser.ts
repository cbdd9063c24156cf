import { sendJson } from '../../http/io.js'
import type { Route } from '../../http/router.js'

/** `POST /v1/dev_browser`: clerk-js on a development instance asks for a dev browser id when it has none. */
export const devBrowserRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/dev_browser',
    kind: 'fapi',
    handler(ctx, { res }) {
      sendJson(res, 200, { object: 'dev_browser', id: ctx.store.newDevBrowser(null) }, { 'Cache-Control': 'no-store' })
    },
  },
]
