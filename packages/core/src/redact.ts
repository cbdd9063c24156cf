// Query or fragment parameters whose value signs someone in or proves who they are. Names are matched
// in any case: some servers and proxies upper-case them, and a credential must not slip past on case.
const CREDENTIAL_PARAMS =
  /([?&#;](?:ticket|__clerk_ticket|__clerk_handshake|__clerk_handshake_nonce|__clerk_db_jwt|__session|__client|token|access_token|id_token|refresh_token)=)[^&#\s"'<>]+/gi
// A JWT on its own (a session token, a ticket): three base64url parts, the first a JSON header.
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g
// Clerk secret keys, and webhook signing secrets (Svix's `whsec_` and base64).
const SECRET_KEY = /\b(?:sk_(?:test|live)_\w+|whsec_[A-Za-z0-9+/]+=*)/g

/**
 * Removes credentials from text meant for logs, errors and reports: each of `secrets` (a link, its
 * ticket) wherever it appears, ticket, handshake and token parameters in a query or fragment, anything
 * shaped like a JWT, Clerk secret keys and webhook signing secrets. The one redaction every `@agent-tasks/*` package uses.
 */
export function redactCredentials(text: string, secrets: readonly string[] = []): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('[redacted]')
  }
  return result.replace(CREDENTIAL_PARAMS, '$1[redacted]').replace(JWT, '[redacted]').replace(SECRET_KEY, '[redacted]')
}
