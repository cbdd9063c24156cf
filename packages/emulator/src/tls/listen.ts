import type { Server as HttpServer } from 'node:http'
import type { AddressInfo, Server as NetServer } from 'node:net'
import { join } from 'node:path'
import { createDualProtocolServer } from './dual-protocol-server.js'
import { defaultCaDir, loadOrCreateCa } from './local-ca.js'
import { createServerCertificate, spkiSha256 } from './server-certificate.js'

/** `false`: plain http only. Otherwise https is served on the same port, signed by the CA in `caDir`. */
export type TlsOption = false | { caDir?: string }

/** What a browser needs to trust the emulator's https: the local CA. */
export interface EmulatorTls {
  /** Path of the CA certificate (PEM) to import into a browser or `NODE_EXTRA_CA_CERTS`. */
  caCertPath: string
  caCertPem: string
  /** For Chromium: `--ignore-certificate-errors-spki-list=<this>` trusts this CA's certificates only. */
  caSpkiSha256: string
}

export interface Listening {
  port: number
  tls: EmulatorTls | undefined
  close(): Promise<void>
}

function listenOn(server: NetServer | HttpServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Listens on `host:port` with http, and with https on the same port unless `tls` is `false`. */
export async function listen(http: HttpServer, port: number, host: string, tls: TlsOption | undefined): Promise<Listening> {
  if (tls === false) {
    await listenOn(http, port, host)
    return {
      port: (http.address() as AddressInfo).port,
      tls: undefined,
      close: () =>
        new Promise<void>((resolve, reject) => {
          http.close((error) => (error ? reject(error) : resolve()))
          http.closeAllConnections()
        }),
    }
  }
  const ca = await loadOrCreateCa(tls?.caDir ?? defaultCaDir())
  const certificate = await createServerCertificate(ca)
  const dual = createDualProtocolServer(http, certificate)
  await listenOn(dual.net, port, host)
  return {
    port: (dual.net.address() as AddressInfo).port,
    tls: { caCertPath: join(ca.dir, 'rootCA.pem'), caCertPem: ca.certPem, caSpkiSha256: certificate.caSpkiSha256 },
    close: () => dual.close(),
  }
}

/**
 * The Chromium flag that makes a browser trust the emulator's https, and only it: its local CA's key
 * (`--ignore-certificate-errors-spki-list`). Creates the CA on first use, so it can run before any
 * emulator starts (a Playwright config). Same `caDir` rules as the emulator's `tls` option.
 *
 * @example
 * ```ts
 * // playwright.config.ts
 * use: { launchOptions: { args: await chromiumTrustArgs() } }
 * ```
 */
export async function chromiumTrustArgs(options: { caDir?: string } = {}): Promise<string[]> {
  const ca = await loadOrCreateCa(options.caDir ?? defaultCaDir())
  return [`--ignore-certificate-errors-spki-list=${spkiSha256(ca.certPem)}`]
}
