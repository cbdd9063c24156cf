import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { browse, CookieJar, mintAdaLink, startApp, type TestApp, useEnv } from './helpers.js'

let emulator: Emulator
let app: TestApp
let restoreEnv: () => void

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], instance: 'production' })
  restoreEnv = useEnv(emulator.env)
  app = await startApp()
})
afterAll(async () => {
  await app.close()
  await emulator.close()
  restoreEnv()
})

it('production instance: live keys, handshake via cookie, app answers 200 with session cookies', async () => {
  expect(emulator.publishableKey).toMatch(/^pk_live_/)
  expect(emulator.secretKey).toMatch(/^sk_live_/)
  const task = await mintAdaLink(emulator, `${app.url}/start`)
  const jar = new CookieJar()
  const { hops, final } = await browse(task.url, jar)
  // emulator 307 (Set-Cookie __clerk_handshake on 127.0.0.1) → app 200
  expect(hops.map((h) => h.status)).toEqual([307, 200])
  expect(hops[0]?.location).toBe(`${app.url}/start`)
  expect(hops[0]?.setCookies.some((c) => c.startsWith('__clerk_handshake='))).toBe(true)
  const body = (await final.json()) as { userId: string | null; actor: Record<string, unknown> | null }
  expect(body.userId).toBe(emulator.users.list()[0]?.id)
  expect(body.actor).toMatchObject({ type: 'agent' })
  expect(jar.cookies.has('__clerk_handshake')).toBe(false)
  expect(jar.cookies.get('__session')).toMatch(/^ey/)

  // Plain https is required for non-loopback redirect URLs on production instances.
  await expect(mintAdaLink(emulator, 'http://app.example.test/')).rejects.toMatchObject({ status: 422 })

  // A fresh browser is simply signed out (no dev-browser handshake in production).
  const fresh = await browse(`${app.url}/`, new CookieJar())
  expect(fresh.hops).toHaveLength(1)
  expect(((await fresh.final.json()) as { userId: string | null }).userId).toBeNull()
})
