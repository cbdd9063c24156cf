import type { EmulatorContext } from '../context.js'
import { randomSecret } from '../crypto/ids.js'
import { signJwt } from '../crypto/jwt.js'
import type { SessionRecord } from '../state/records.js'

export interface MintOptions {
  /** `azp`: the origin the token is for (set for browser handshakes). */
  azp?: string
  /** Overrides the instance's token lifetime. */
  ttlSeconds?: number
}

/**
 * Mints a Clerk v2 session token for an active session:
 * `{ azp?, exp, fva, iat, iss, jti, nbf, sid, sts, sub, v: 2, act? }`, RS256 with the instance `kid`.
 * `exp` never outlives the session.
 */
export function mintSessionToken(ctx: EmulatorContext, session: SessionRecord, options: MintOptions = {}): string {
  const iat = Math.floor(Date.now() / 1000)
  const ttl = options.ttlSeconds ?? ctx.sessionTokenTtlSeconds
  const exp = Math.max(iat + 1, Math.min(iat + ttl, Math.floor(session.expireAt / 1000)))
  const minutesSinceSignIn = Math.floor((Date.now() - session.createdAt) / 60_000)
  const claims: Record<string, unknown> = {}
  if (options.azp) claims.azp = options.azp
  Object.assign(claims, {
    exp,
    fva: [minutesSinceSignIn, -1],
    iat,
    iss: ctx.issuer,
    jti: randomSecret(10),
    nbf: iat - 5,
    sid: session.id,
    sts: 'active',
    sub: session.userId,
    v: 2,
  })
  if (session.actor) claims.act = session.actor
  session.lastActiveAt = Date.now()
  return signJwt(claims, ctx.keys)
}
