import type { Refusal } from '../admission.js'

/** Far longer than any Clerk session token; past it, nothing is decoded. */
const MAX_TOKEN_LENGTH = 16_384

const FRESH_TOKEN = 'Send a fresh Clerk session token: `await getToken()` in the browser, or `agent-tasks token --user <who>` for curl and scripts.'

interface Claims {
  exp?: unknown
  nbf?: unknown
  iat?: unknown
}

/** The JSON object a base64url JWT segment encodes, or `undefined`. */
function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The claims of a `header.claims.signature` JWT, unverified; `undefined` when the token is not one. */
function unverifiedClaims(token: string): Claims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined
  const parts = token.split('.')
  if (parts.length !== 3 || parts[2] === '') return undefined
  const [header, claims] = parts as [string, string, string]
  if (decodeSegment(header) === undefined) return undefined
  return decodeSegment(claims)
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const iso = (seconds: number) => new Date(seconds * 1000).toISOString()
const ago = (seconds: number, now: number) => Math.max(0, Math.round(now / 1000 - seconds))
const ahead = (seconds: number, now: number) => Math.max(0, Math.round(seconds - now / 1000))

function refused(message: string): Refusal {
  return { code: 'unauthenticated', message }
}

/**
 * Why Clerk found nobody signed in on a request that sent a session token in `Authorization`, for the
 * 401's `detail`. The token's claims are read without verifying them, only to explain; the token and
 * its claims' values other than times are never repeated.
 */
export function bearerTokenRefusal(token: string, now: number = Date.now()): Refusal {
  const claims = unverifiedClaims(token)
  if (claims === undefined) {
    return refused(
      `The Authorization token is not a session token: Clerk session tokens are JWTs (three base64url parts, a JSON header and claims). ${FRESH_TOKEN}`,
    )
  }
  const { exp, nbf, iat } = claims
  if (!isTime(exp)) return refused(`The Authorization token has no expiry (\`exp\`), so it is not a Clerk session token. ${FRESH_TOKEN}`)
  if (exp * 1000 <= now) {
    return refused(
      `The Authorization session token expired at ${iso(exp)} (${ago(exp, now)} s ago); Clerk session tokens last 60 s unless minted for longer. ${FRESH_TOKEN}`,
    )
  }
  const notBefore = [nbf, iat].filter(isTime).find((time) => time * 1000 > now)
  if (notBefore !== undefined) {
    return refused(
      `The Authorization session token is not valid until ${iso(notBefore)} (in ${ahead(notBefore, now)} s): the clock of this server or of the one that minted it is off.`,
    )
  }
  return refused(
    `Clerk did not accept the Authorization session token, though it is within its validity (until ${iso(exp)}): it must be signed by this app's Clerk instance, and a browser's token must come from an origin the app authorizes.`,
  )
}
