import { createSign } from 'node:crypto'
import type { SigningKeys } from './keys.js'

/** Header `cat` Clerk stamps on session tokens (and handshake tokens). */
export const SESSION_TOKEN_CATEGORY = 'cl_B7d4PD111AAA'

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** Signs `payload` as a compact RS256 JWT with the instance key. */
export function signJwt(payload: Record<string, unknown>, keys: SigningKeys): string {
  const header = { alg: 'RS256', kid: keys.kid, typ: 'JWT', cat: SESSION_TOKEN_CATEGORY }
  const input = `${encode(header)}.${encode(payload)}`
  const signature = createSign('RSA-SHA256').update(input).sign(keys.privateKey).toString('base64url')
  return `${input}.${signature}`
}
