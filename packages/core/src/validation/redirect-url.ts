import type { FieldError } from '../errors.js'

const MAX_URL_LENGTH = 2048
/**
 * Control characters, whitespace and backslashes never belong in a redirect target; browsers
 * "repair" them in ways that turn a path into another host (`/\\evil.example`).
 */
function hasForbiddenCharacter(value: string, { allowSpace = false } = {}): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x5c || (code === 0x20 && !allowSpace)) return true
  }
  return false
}
const ABSOLUTE_HTTP = /^https?:\/\/[^/]/i

export interface RedirectPolicy {
  /** Origins (scheme://host:port) a link may land on. */
  allowedOrigins: readonly string[]
  /** Origin used to resolve a path such as `/dashboard`. */
  baseOrigin: string | undefined
}

export type RedirectCheck = { ok: true; url: string } | { ok: false; error: FieldError }

function fail(message: string): RedirectCheck {
  return { ok: false, error: { field: 'redirectUrl', message } }
}

function decodeRepeatedly(value: string): string | undefined {
  let current = value
  for (let i = 0; i < 3; i++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      return undefined
    }
    if (next === current) return current
    current = next
  }
  return current
}

/** Normalises an origin string (`https://App.example:443` → `https://app.example`). */
export function normaliseOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/**
 * Accepts an absolute http(s) URL on an allowed origin, or a path (`/dashboard`) resolved against
 * the base origin. Everything else — other schemes, userinfo, protocol-relative and backslash
 * tricks, encoded variants of them — is refused.
 */
export function checkRedirectUrl(value: string, policy: RedirectPolicy): RedirectCheck {
  if (value.length === 0) return fail('must not be empty')
  if (value.length > MAX_URL_LENGTH) return fail(`must be at most ${MAX_URL_LENGTH} characters`)
  if (hasForbiddenCharacter(value)) {
    return fail('must not contain whitespace, control characters or backslashes')
  }
  const decoded = decodeRepeatedly(value)
  if (decoded === undefined) return fail('contains invalid percent-encoding')
  if (hasForbiddenCharacter(decoded, { allowSpace: true })) {
    return fail('must not contain encoded control characters or backslashes')
  }

  let url: URL
  if (value.startsWith('/')) {
    if (value.startsWith('//') || decoded.startsWith('//')) {
      return fail('must be a path on this site or an absolute http(s) URL, not protocol-relative')
    }
    if (policy.baseOrigin === undefined) {
      return fail('is a path, but no origin is known to resolve it against; pass an absolute URL')
    }
    url = new URL(value, policy.baseOrigin)
  } else {
    if (!ABSOLUTE_HTTP.test(value)) {
      return fail('must be an absolute http(s) URL or a path starting with "/"')
    }
    try {
      url = new URL(value)
    } catch {
      return fail('is not a valid URL')
    }
    if (url.username !== '' || url.password !== '') return fail('must not contain credentials')
  }

  // `/.//evil.example` resolves to the path `//evil.example`, which turns into another host as soon
  // as anything treats the path as a relative URL again.
  if (url.pathname.startsWith('//')) return fail('must not resolve to a path starting with "//"')
  if (!policy.allowedOrigins.includes(url.origin)) {
    return fail(`origin ${url.origin} is not an allowed redirect origin`)
  }
  return { ok: true, url: url.href }
}
