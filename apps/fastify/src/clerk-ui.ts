import { escapeHtml } from './html.ts'

/**
 * What the browser needs to run Clerk's own UI (clerk-js and its UI bundle, loaded by script tag as in
 * Clerk's JavaScript quickstart): the publishable key, the proxy URL when there is one, and where the two
 * bundles come from.
 */
export interface ClerkUi {
  publishableKey: string
  /** `CLERK_PROXY_URL`: clerk-js sends its Frontend API calls there instead of to the key's host. */
  proxyUrl: string | undefined
  clerkJsUrl: string
  clerkUiUrl: string
  /** The origin clerk-js calls (the proxy's, else the Frontend API's), for the CSP's `connect-src`. */
  frontendApiOrigin: string
  /** `https://<the key's Frontend API host>`: the instance's own host, which may serve images (avatars). */
  instanceOrigin: string
}

/** The Frontend API host a publishable key names (`pk_test_<base64("clerk.example.com$")>`). */
function frontendApiHost(publishableKey: string): string {
  const encoded = publishableKey.split('_')[2] ?? ''
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  if (!decoded.endsWith('$')) throw new TypeError('CLERK_PUBLISHABLE_KEY is not a Clerk publishable key')
  return decoded.slice(0, -1)
}

/**
 * Clerk's settings for the browser, from the environment: `CLERK_PUBLISHABLE_KEY`, `CLERK_PROXY_URL`, and
 * `CLERK_JS_URL` / `CLERK_UI_URL` when set; else the bundles Clerk's SDKs load, from the proxy's host or
 * the key's Frontend API host (`https://<host>/npm/@clerk/clerk-js@6/dist/clerk.browser.js`).
 */
export function clerkUiFromEnv(env: NodeJS.ProcessEnv = process.env): ClerkUi {
  const publishableKey = env.CLERK_PUBLISHABLE_KEY
  if (!publishableKey) throw new TypeError('CLERK_PUBLISHABLE_KEY is not set')
  const proxyUrl = env.CLERK_PROXY_URL || undefined
  const instanceOrigin = `https://${frontendApiHost(publishableKey)}`
  const frontendApiOrigin = proxyUrl ? new URL(proxyUrl).origin : instanceOrigin
  return {
    publishableKey,
    proxyUrl,
    clerkJsUrl: env.CLERK_JS_URL || `${frontendApiOrigin}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`,
    clerkUiUrl: env.CLERK_UI_URL || `${frontendApiOrigin}/npm/@clerk/ui@1/dist/ui.browser.js`,
    frontendApiOrigin,
    instanceOrigin,
  }
}

/** The `<script>` tags of Clerk's quickstart (clerk-js, then the UI bundle) and this app's `clerk-ui.js`. */
export function clerkScriptTags(clerk: ClerkUi): string {
  const proxy = clerk.proxyUrl ? ` data-clerk-proxy-url="${escapeHtml(clerk.proxyUrl)}"` : ''
  return `<script async crossorigin="anonymous" data-clerk-publishable-key="${escapeHtml(clerk.publishableKey)}"${proxy} src="${escapeHtml(clerk.clerkJsUrl)}"></script>
<script async crossorigin="anonymous" src="${escapeHtml(clerk.clerkUiUrl)}"></script>
<script type="module" src="/static/clerk-ui.js"></script>`
}

/**
 * The page's Content-Security-Policy, with what Clerk documents for clerk-js: its script and Frontend API
 * origins, `img-src https://img.clerk.com` (avatars; also the instance's own host and its proxy), `style-src 'unsafe-inline'` (the UI's runtime
 * styles), `worker-src 'self' blob:`, and Cloudflare's bot protection (script and frame).
 */
export function contentSecurityPolicy(clerk: ClerkUi): string {
  const scripts = new Set([new URL(clerk.clerkJsUrl).origin, new URL(clerk.clerkUiUrl).origin])
  // Avatars: Clerk's image host, or the instance itself (through the proxy when there is one; the offline emulator serves them).
  const images = new Set([clerk.frontendApiOrigin, clerk.instanceOrigin])
  const turnstile = 'https://challenges.cloudflare.com'
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scripts].join(' ')} ${turnstile}`,
    `connect-src 'self' ${clerk.frontendApiOrigin}`,
    `img-src 'self' https://img.clerk.com ${[...images].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    `frame-src ${turnstile}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
