/**
 * Removes credentials from text that leaves this package (steps, output, errors): the agent-task
 * link, any Clerk ticket or handshake in a URL, and live-view URLs.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((secret) => secret.length > 0)
  return (text) => {
    let out = text
    for (const secret of known) out = out.split(secret).join('[redacted]')
    return out.replace(/([?&](?:ticket|__clerk_handshake|__clerk_db_jwt|token)=)[^&#\s"]+/g, '$1[redacted]')
  }
}
