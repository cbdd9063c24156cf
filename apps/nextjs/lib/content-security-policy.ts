/**
 * The Express sample's policy, plus the nonce Next.js puts on its own scripts (it reads the nonce
 * from this header on the request). `'strict-dynamic'` lets those scripts load the app's chunks.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
