import { createHmac, randomBytes } from 'node:crypto'

const PREFIX = 'whsec_'

/** A new Svix signing secret, as Clerk's Dashboard shows one: `whsec_` and the base64 of 24 random bytes. */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(24).toString('base64')}`
}

/** The HMAC key of a `whsec_…` secret (its base64 part, decoded). Throws naming the option when it is not one. */
export function signingKeyOf(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : ''
  const key = Buffer.from(encoded, 'base64')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length < 16) {
    throw new Error('webhooks.signingSecret must be "whsec_" followed by the base64 of at least 16 bytes, as Clerk shows it.')
  }
  return key
}

/** `svix-signature`: `v1,` and the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, as Svix signs. */
export function svixSignature(key: Buffer, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`
}
