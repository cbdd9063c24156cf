import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/** Clerk's minimum password length (its default password policy). */
export const MIN_PASSWORD_LENGTH = 8

// scrypt cost: Node's defaults (N=2^14, r=8, p=1): about 16 MiB and a few tens of ms per hash.
const N = 16384
const R = 8
const P = 1
const KEY_LENGTH = 32
const SALT_BYTES = 16

/** Matches what {@link hashPassword} writes: `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`. */
export const PASSWORD_HASH_FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/

/** A one-way hash of `password` with a fresh per-password salt. The password itself is never kept. */
export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES)
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`
}

/** Whether `stored` (a {@link hashPassword} result) was made from `password`; constant-time compare. */
export function passwordMatches(stored: string, password: string): boolean {
  const parts = PASSWORD_HASH_FORMAT.exec(stored)
  if (!parts) return false
  const [, n, r, p, salt, expected] = parts
  const want = Buffer.from(expected ?? '', 'base64url')
  if (want.length === 0) return false
  try {
    const got = scryptSync(password.normalize('NFC'), Buffer.from(salt ?? '', 'base64url'), want.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 64 * 1024 * 1024,
    })
    return timingSafeEqual(got, want)
  } catch {
    // Parameters scrypt refuses (an imported hash with absurd costs) never match.
    return false
  }
}

/** Whether `stored` has {@link hashPassword}'s format with costs this emulator is willing to compute (for imports). */
export function isPasswordHash(stored: string): boolean {
  const parts = PASSWORD_HASH_FORMAT.exec(stored)
  if (!parts) return false
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const powerOfTwo = n >= 1024 && n <= 131072 && (n & (n - 1)) === 0
  return powerOfTwo && r >= 1 && r <= 16 && p >= 1 && p <= 4 && 128 * n * r <= 64 * 1024 * 1024
}
