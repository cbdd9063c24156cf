const CREDENTIAL_PARAMS = /([?&#](?:ticket|__clerk_ticket|__clerk_handshake|__clerk_db_jwt)=)[^&#\s"'<>]+/gi
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g
const SECRET_KEY = /\bsk_(?:test|live)_\w+/g

/** Removes credentials from text meant for logs: link tickets, handshake tokens, JWTs and secret keys. */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL_PARAMS, '$1[redacted]').replace(JWT, '[redacted]').replace(SECRET_KEY, '[redacted]')
}
