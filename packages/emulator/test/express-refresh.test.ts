import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { browse, CookieJar, mintAdaLink, startApp, type TestApp, useEnv } from './helpers.js'

// Real expiry: 1 s tokens; @clerk/backend tolerates 5 s of clock skew, so wait a bit over 6 s.
let emulator: Emulator
let app: TestApp
let restoreEnv: () => void

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], sessionTokenTtlSeconds: 1, rateLimit: false })
  restoreEnv = useEnv(emulator.env)
  app = await startApp()
})
afterAll(async () => {
  await app.close()
  await emulator.close()
  restoreEnv()
})

interface AppBody {
  userId: string | null
  sessionId: string | null
  actor: Record<string, unknown> | null
}

it('an expired session token is refreshed through the emulator handshake on the next navigation', { timeout: 15_000 }, async () => {
  const task = await mintAdaLink(emulator, `${app.url}/start`)
  const jar = new CookieJar()
  const first = await browse(task.url, jar)
  const signedIn = (await first.final.json()) as AppBody
  expect(signedIn.actor).toMatchObject({ type: 'agent' })
  const oldToken = jar.cookies.get('__session')

  await new Promise((r) => setTimeout(r, 6_500))

  // A fetch()/XHR-style request cannot be redirected: with an expired token it is signed out.
  const api = await fetch(`${app.url}/api`, { headers: { Accept: 'application/json', Cookie: jar.header() } })
  expect(((await api.json()) as AppBody).userId).toBeNull()

  // A document navigation goes app → emulator handshake → app and comes back signed in, same session.
  const next = await browse(`${app.url}/later`, jar)
  expect(next.hops.map((h) => new URL(h.url).pathname)).toEqual(['/later', '/v1/client/handshake', '/later', '/later'])
  const body = (await next.final.json()) as AppBody
  expect(body.sessionId).toBe(signedIn.sessionId)
  expect(body.actor).toMatchObject({ type: 'agent', sub: task.agentId })
  expect(jar.cookies.get('__session')).not.toBe(oldToken)
})
