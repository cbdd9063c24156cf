const CREDENTIAL_PARAMS = /([?&#](?:ticket|__clerk_ticket|__clerk_handshake|__clerk_db_jwt|__clerk_handshake_nonce)=)[^&#\s"'<>]+/gi
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g
const SECRET_KEY = /\bsk_(?:test|live)_\w+/g

/**
 * Removes credentials from text meant for humans (error messages): the given strings (a link, its
 * ticket), ticket/handshake query parameters, anything shaped like a JWT, and Clerk secret keys.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text
  for (const secret of secrets) {
    if (secret) result = result.split(secret).join('[redacted]')
  }
  return result.replace(CREDENTIAL_PARAMS, '$1[redacted]').replace(JWT, '[redacted]').replace(SECRET_KEY, '[redacted]')
}

/** `origin + pathname` of a URL — what an error may show of a page address (no query, no fragment). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return '(an unparsable URL)'
  }
}
