import { createHash, randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function toBase62(bytes: Uint8Array, length: number): string {
  let out = ''
  for (let i = 0; out.length < length; i++) {
    const byte = bytes[i % bytes.length] ?? 0
    // 248 = 62 * 4: reject the tail to keep the distribution uniform.
    if (byte < 248) out += ALPHABET[byte % 62]
    if (i >= bytes.length - 1 && out.length < length) {
      bytes = randomBytes(length * 2)
      i = -1
    }
  }
  return out
}

/** A Clerk-looking identifier such as `user_2abc…` (27 random base62 characters). */
export function randomId(prefix: string, length = 27): string {
  return `${prefix}_${toBase62(randomBytes(length * 2), length)}`
}

/** An identifier derived deterministically from `seed` (used for stable agent ids). */
export function derivedId(prefix: string, seed: string, length = 27): string {
  const digest = createHash('sha512').update(seed).digest()
  return `${prefix}_${toBase62(digest, length)}`
}

/** An opaque URL-safe secret (tickets, nonces, cookie values). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** A trace id like Clerk's `clerk_trace_id`. */
export function traceId(): string {
  return randomBytes(16).toString('hex')
}

/** SHA-256 hex digest, used so stored lookups never hold a ticket or nonce in clear text. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
