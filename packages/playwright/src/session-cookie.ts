import type { BrowserContext } from '@playwright/test'

/** The claims of a Clerk session token this package needs. */
export interface SessionClaims {
  /** Session id. */
  sid: string
  /** User id. */
  sub: string
  /** Expiry, Unix seconds. */
  exp: number | undefined
  /** The actor (`{ type: 'agent', sub, task_id }` for agent sessions), if any. */
  act: Record<string, unknown> | undefined
}

/** Decodes (does not verify) the payload of a session token; `undefined` when it is not one. */
export function decodeSessionToken(token: string): SessionClaims | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  let claims: Record<string, unknown>
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
  if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return undefined
  return {
    sid: claims.sid,
    sub: claims.sub,
    exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    act: claims.act && typeof claims.act === 'object' ? (claims.act as Record<string, unknown>) : undefined,
  }
}

/** `__session`, or a suffixed `__session_<hash>` (the SDK switches to those in some multi-app setups). */
function isSessionCookie(name: string): boolean {
  return name === '__session' || name.startsWith('__session_')
}

/** The session the app's Clerk middleware put in this context's cookies for `appUrl`, if any. */
export async function readSessionCookie(context: BrowserContext, appUrl: string): Promise<SessionClaims | undefined> {
  const cookies = (await context.cookies(appUrl)).filter((cookie) => isSessionCookie(cookie.name))
  cookies.sort((a, b) => Number(b.name === '__session') - Number(a.name === '__session'))
  for (const cookie of cookies) {
    const claims = decodeSessionToken(cookie.value)
    if (claims) return claims
  }
  return undefined
}
