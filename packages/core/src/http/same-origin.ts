import type { Refusal } from '../admission.js'
import { normaliseOrigin } from '../validation/redirect-url.js'

/**
 * The session token Clerk's SDKs take from `Authorization`, parsed exactly as `@clerk/backend` parses
 * it. When there is one, Clerk authenticates the request from that header alone and ignores cookies;
 * otherwise (`bearer x`, `Basic …`) it signs the request in from cookies.
 */
export function clerkHeaderToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined
  const [scheme, token] = authorization.split(' ', 2)
  if (!token) return scheme
  return scheme === 'Bearer' ? token : undefined
}

function refused(message: string): Refusal {
  return { code: 'cross_origin_request', message }
}

/**
 * Cookie-authenticated requests can be forged by another site (CSRF); header-token ones cannot. A
 * request Clerk signed in from cookies must prove it is same-origin through `Origin` or
 * `Sec-Fetch-Site`. `ownOrigin` is the app's origin (the `origin` option, or the request's as the
 * framework trusts it).
 */
export function crossOriginRefusal(
  header: (name: string) => string | undefined,
  ownOrigin: string,
  trustedOrigins: readonly string[],
): Refusal | undefined {
  if (clerkHeaderToken(header('authorization')) !== undefined) return undefined
  const origin = header('origin')
  if (origin !== undefined) {
    const normalised = origin === 'null' ? undefined : normaliseOrigin(origin)
    if (normalised !== undefined && (normalised === ownOrigin || trustedOrigins.includes(normalised))) return undefined
    return refused(
      `Cross-origin request from ${origin} refused. Cookie-authenticated requests must come from this site; add the origin to \`trustedOrigins\` if it is yours.`,
    )
  }
  const site = header('sec-fetch-site')
  if (site === 'same-origin') return undefined
  return refused(
    site === undefined
      ? 'A cookie-authenticated request must send an Origin or Sec-Fetch-Site header (browsers do), or authenticate with `Authorization: Bearer <session token>`.'
      : `Cross-site request (Sec-Fetch-Site: ${site}) refused.`,
  )
}
