import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { randomId } from './ids.js'

/** The public half of the signing key as a JWK, as served by `GET /v1/jwks`. */
export interface PublicJwk {
  kty: 'RSA'
  n: string
  e: string
  kid: string
  alg: 'RS256'
  use: 'sig'
}

/** The instance signing key: RSA-2048, e=65537, stable `kid` for the emulator's lifetime. */
export interface SigningKeys {
  kid: string
  privateKey: KeyObject
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`), what Clerk calls the JWT public key. */
  publicKeyPem: string
  jwk: PublicJwk
}

/** Input for reusing a key across emulator runs. */
export interface SigningKeyInput {
  /** PKCS#8 or PKCS#1 PEM of an RSA-2048 private key with public exponent 65537. */
  privateKeyPem: string
  /** Key id put in token headers and the JWKS. Default: a random `ins_…` id. */
  kid?: string
}

export function createSigningKeys(input?: SigningKeyInput): SigningKeys {
  const privateKey = input
    ? createPrivateKey(input.privateKeyPem)
    : generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 }).privateKey
  const details = privateKey.asymmetricKeyDetails
  if (
    privateKey.asymmetricKeyType !== 'rsa' ||
    details?.modulusLength !== 2048 ||
    details.publicExponent !== 65537n
  ) {
    // @clerk/backend turns CLERK_JWT_KEY into a JWK by string surgery that only works for this shape.
    throw new Error('The signing key must be RSA-2048 with public exponent 65537.')
  }
  const publicKey = createPublicKey(privateKey)
  const kid = input?.kid ?? randomId('ins')
  const exported = publicKey.export({ format: 'jwk' })
  return {
    kid,
    privateKey,
    publicKeyPem: String(publicKey.export({ format: 'pem', type: 'spki' })).trim(),
    jwk: { kty: 'RSA', n: String(exported.n), e: String(exported.e), kid, alg: 'RS256', use: 'sig' },
  }
}
