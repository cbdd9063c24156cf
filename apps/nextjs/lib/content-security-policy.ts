import type { ClerkMiddlewareOptions } from '@clerk/nextjs/server'
import { clerkProviderPropsFromEnv } from './clerk-options'

type Env = Record<string, string | undefined>

/** The origin of a URL setting, or nothing when unset or not a URL. */
function originOf(url: string | undefined): string[] {
  if (!url) return []
  try {
    return [new URL(url).origin]
  } catch {
    return []
  }
}

/** The Frontend API's origin, `https://` and the host the publishable key names (`pk_test_<base64 of "host$">`). */
function frontendApiOrigin(publishableKey: string | undefined): string[] {
  const encoded = publishableKey?.split('_')[2]
  if (!encoded) return []
  try {
    return originOf(`https://${atob(encoded).replace(/\$$/, '')}`)
  } catch {
    return []
  }
}

/**
 * `clerkMiddleware()`'s `contentSecurityPolicy` option: Clerk's own policy for clerk-js in strict mode
 * (a fresh nonce per request, which Next.js and `<ClerkProvider dynamic>` put on their scripts,
 * `'strict-dynamic'` for what those scripts load, `style-src 'unsafe-inline'` for Clerk's UI,
 * `worker-src 'self' blob:`, the Frontend API in `connect-src`), plus, derived from the settings the
 * server starts with: the proxy URL (the Frontend API calls go there), the origins clerk-js and its UI
 * load from, and the Frontend API for avatars. And this app's own hardening: no plugins, no `<base>`,
 * no framing.
 */
export function contentSecurityPolicy(env: Env = process.env): NonNullable<ClerkMiddlewareOptions['contentSecurityPolicy']> {
  const clerk = clerkProviderPropsFromEnv(env)
  const frontendApi = [...frontendApiOrigin(clerk.publishableKey), ...originOf(clerk.proxyUrl)]
  const bundles = [...originOf(clerk.__internal_clerkJSUrl), ...originOf(clerk.__internal_clerkUIUrl)]
  return {
    strict: true,
    directives: {
      'connect-src': frontendApi,
      'script-src': bundles,
      'img-src': frontendApi,
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  }
}
