import { createHash, X509Certificate } from 'node:crypto'
import { generate } from 'selfsigned'
import type { LocalCa } from './local-ca.js'

/** The https certificate of one emulator start: loopback names, signed by the local CA. */
export interface ServerCertificate {
  certPem: string
  keyPem: string
  /** The CA's certificate, sent along so the chain is complete. */
  caPem: string
  /**
   * base64 SHA-256 of the CA's public key (SubjectPublicKeyInfo): what Chromium's
   * `--ignore-certificate-errors-spki-list` takes to trust this emulator's certificates, and nothing else.
   */
  caSpkiSha256: string
}

const DAY_MS = 24 * 3600 * 1000

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo (DER). */
export function spkiSha256(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64')
}

/** A short-lived certificate for 127.0.0.1, ::1 and localhost, signed by `ca`. */
export async function createServerCertificate(ca: LocalCa): Promise<ServerCertificate> {
  const now = Date.now()
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * DAY_MS),
    ca: { key: ca.keyPem, cert: ca.certPem },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  })
  return { certPem: pems.cert, keyPem: pems.private, caPem: ca.certPem, caSpkiSha256: spkiSha256(ca.certPem) }
}
