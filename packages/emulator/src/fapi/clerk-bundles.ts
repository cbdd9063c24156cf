import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../http/errors.js'
import type { Route } from '../http/router.js'
import { packageFile } from '../package-file.js'

/** Where `CLERK_JS_URL` / `CLERK_UI_URL` point: the paths Clerk's SDKs compute for the major versions served. */
export const CLERK_JS_PATH = '/npm/@clerk/clerk-js@6/dist/clerk.browser.js'
export const CLERK_UI_PATH = '/npm/@clerk/ui@1/dist/ui.browser.js'

/** Clerk's browser bundles this package carries (see scripts/vendor-clerk-browser.mjs), by npm name. */
const BUNDLE_DIRS: Readonly<Record<string, string>> = { 'clerk-js': 'clerk-js', ui: 'ui' }
const SAFE_FILE = /^[\w.-]+\.js$/

function notFound(): ApiError {
  return ApiError.of(404, 'resource_not_found', 'not found', 'The emulator carries only the browser builds of @clerk/clerk-js and @clerk/ui.')
}

/**
 * Serves the real clerk-js and UI bundles at the paths Clerk's SDKs compute
 * (`/npm/@clerk/clerk-js@6/dist/clerk.browser.js`, `/npm/@clerk/ui@1/dist/ui.browser.js`, and the chunks they
 * load next to themselves), whatever version tag the SDK asks for: the emulator has one of each.
 */
export const clerkBundleRoutes: Route[] = [
  {
    method: 'GET',
    path: '/npm/@clerk/:package/dist/:file',
    kind: 'page',
    handler: async (_ctx, { res, params }) => {
      const name = (params.package ?? '').split('@')[0] ?? ''
      const dir = BUNDLE_DIRS[name]
      const file = params.file ?? ''
      if (dir === undefined || !SAFE_FILE.test(file)) throw notFound()
      const path = join(packageFile('clerk-browser'), dir, file)
      const info = await stat(path).catch(() => undefined)
      if (!info?.isFile()) throw notFound()
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': String(info.size),
        // The SDKs load these with crossorigin="anonymous" from the app's origin.
        'Access-Control-Allow-Origin': '*',
        'Timing-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      })
      createReadStream(path).pipe(res)
    },
  },
]
