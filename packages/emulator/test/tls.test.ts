import { request } from 'node:https'
import { connect } from 'node:net'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { spkiSha256 } from '../src/tls/server-certificate.js'

function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, servername: undefined }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('https on the emulator port', () => {
  let caDir: string
  let emulator: Emulator

  beforeAll(async () => {
    caDir = join(await mkdtemp(join(tmpdir(), 'emulator-ca-')), 'ca')
    emulator = await startEmulator({ tls: { caDir } })
  })
  afterAll(async () => {
    await emulator.close()
    await rm(join(caDir, '..'), { recursive: true, force: true })
  })

  it('serves https and http on the same port, the https certificate signed by the local CA', async () => {
    expect(emulator.frontendApiUrl).toBe(`https://${emulator.frontendApi}`)
    const ca = await readFile(join(caDir, 'rootCA.pem'), 'utf8')
    expect(emulator.tls?.caCertPem).toBe(ca)
    expect(emulator.tls?.caSpkiSha256).toBe(spkiSha256(ca))
    const overHttps = await httpsGet(`${emulator.frontendApiUrl}/v1/jwks`, ca)
    expect(overHttps.status).toBe(401)
    const overHttp = await fetch(`${emulator.url}/v1/jwks`, { headers: { Authorization: `Bearer ${emulator.secretKey}` } })
    expect(overHttp.status).toBe(200)
  })

  it('keeps the CA key private and reuses the CA on the next start', async () => {
    expect((await stat(join(caDir, 'rootCA-key.pem'))).mode & 0o077).toBe(0)
    const second = await startEmulator({ tls: { caDir } })
    try {
      expect(second.tls?.caSpkiSha256).toBe(emulator.tls?.caSpkiSha256)
    } finally {
      await second.close()
    }
  })

  it('is refused by a client that does not trust the CA', async () => {
    await expect(httpsGet(`${emulator.frontendApiUrl}/v1/jwks`, undefined)).rejects.toThrow(/certificate/i)
  })

  it('agrees on one CA when several emulators start at once with none on disk', async () => {
    const fresh = join(caDir, '..', 'fresh')
    const started = await Promise.all([1, 2, 3, 4].map(() => startEmulator({ tls: { caDir: fresh } })))
    try {
      const onDisk = spkiSha256(await readFile(join(fresh, 'rootCA.pem'), 'utf8'))
      for (const one of started) {
        const answer = await httpsGet(`${one.frontendApiUrl}/v1/jwks`, one.tls?.caCertPem)
        expect(answer.status).toBe(401)
      }
      expect(started.filter((one) => one.tls?.caSpkiSha256 === onDisk).length).toBeGreaterThanOrEqual(1)
    } finally {
      await Promise.all(started.map((one) => one.close()))
    }
  })

  it('close() ends open keep-alive connections of both protocols instead of waiting for them', { timeout: 2500 }, async () => {
    const closing = await startEmulator({ tls: { caDir } })
    const port = Number(new URL(closing.url).port)
    const socket = connect(port, '127.0.0.1')
    const answered = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))))
    socket.write(`GET /v1/jwks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`)
    expect(await answered).toMatch(/^HTTP\/1\.1 401/)
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    await closing.close()
    await socketClosed
    expect(socket.destroyed).toBe(true)
  })

  it('serves http only with tls: false', async () => {
    const plain = await startEmulator({ tls: false })
    try {
      expect(plain.frontendApiUrl).toBeUndefined()
      expect(plain.tls).toBeUndefined()
      await expect(httpsGet(`https://${plain.frontendApi}/v1/jwks`, undefined)).rejects.toThrow()
    } finally {
      await plain.close()
    }
  })
})

describe("Clerk's browser bundles", () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ tls: false })
  })
  afterAll(() => emulator.close())

  it('serves the real clerk-js and UI entry files and their chunks, for any version tag, with CORS', async () => {
    const manifest = JSON.parse(await readFile(new URL('../clerk-browser/manifest.json', import.meta.url), 'utf8')) as Array<{ name: string; version: string }>
    expect(manifest.map((entry) => entry.name)).toEqual(['@clerk/clerk-js', '@clerk/ui'])
    const clerkJs = await fetch(`${emulator.url}/npm/@clerk/clerk-js@6.40.0/dist/clerk.browser.js`)
    expect(clerkJs.status).toBe(200)
    expect(clerkJs.headers.get('access-control-allow-origin')).toBe('*')
    expect(clerkJs.headers.get('content-type')).toMatch(/javascript/)
    const source = await clerkJs.text()
    expect(source).toContain(manifest[0]?.version)
    expect(source.length).toBeGreaterThan(100_000)
    const ui = await fetch(`${emulator.url}/npm/@clerk/ui@1.34.0/dist/ui.browser.js`)
    expect(ui.status).toBe(200)
    const chunk = /"([\w-]+)"\s*\}\)\[\w\]\|\|\w\)\+"_ui_"/.exec(await ui.text())
    expect(chunk).not.toBeNull()
  })

  it("is where the env's CLERK_JS_URL and CLERK_UI_URL point, over plain http", async () => {
    for (const [name, global] of [
      ['CLERK_JS_URL', 'clerk.browser.js'],
      ['CLERK_UI_URL', 'ui.browser.js'],
    ] as const) {
      const url = emulator.env[name] ?? ''
      expect(url.startsWith(`${emulator.url}/npm/@clerk/`)).toBe(true)
      expect(url.endsWith(global)).toBe(true)
      const response = await fetch(url, { headers: { Origin: 'http://127.0.0.1:3000' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect((await response.text()).length).toBeGreaterThan(100_000)
    }
  })

  it('refuses other packages, other files and path tricks', async () => {
    for (const path of [
      '/npm/@clerk/backend@3/dist/index.js',
      '/npm/@clerk/clerk-js@6/dist/nope.js',
      '/npm/@clerk/clerk-js@6/dist/..%2F..%2Fpackage.json',
      '/npm/@clerk/clerk-js@6/dist/manifest.json',
    ]) {
      expect((await fetch(`${emulator.url}${path}`)).status, path).toBe(404)
    }
  })
})
