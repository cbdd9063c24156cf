import { AgentTaskError } from '../errors.js'
import { normaliseOrigin } from '../validation/redirect-url.js'

/**
 * Bearer-token requests cannot be forged by another site; cookie-authenticated ones can (CSRF).
 * A cookie request must prove it is same-origin through `Origin` or `Sec-Fetch-Site`.
 */
export function assertSameOrigin(request: Request, trustedOrigins: readonly string[]): void {
  if (/^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return
  const ownOrigin = new URL(request.url).origin
  const origin = request.headers.get('origin')
  if (origin !== null) {
    const normalised = origin === 'null' ? undefined : normaliseOrigin(origin)
    if (normalised !== undefined && (normalised === ownOrigin || trustedOrigins.includes(normalised))) return
    throw new AgentTaskError(
      'cross_origin_request',
      `Cross-origin request from ${origin} refused. Cookie-authenticated requests must come from this site; add the origin to \`trustedOrigins\` if it is yours.`,
    )
  }
  const site = request.headers.get('sec-fetch-site')
  if (site === 'same-origin') return
  throw new AgentTaskError(
    'cross_origin_request',
    site === null
      ? 'A cookie-authenticated request must send an Origin or Sec-Fetch-Site header (browsers do), or authenticate with a Bearer token.'
      : `Cross-site request (Sec-Fetch-Site: ${site}) refused.`,
  )
}
