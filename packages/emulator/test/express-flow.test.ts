import { createClerkClient, type ClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { browse, CookieJar, DOCUMENT_HEADERS, startApp, type TestApp, useEnv } from './helpers.js'

// One emulator per file: @clerk/express builds its default clerkClient (apiUrl, jwtKey) from
// process.env on the first request and keeps it for the process.
let emulator: Emulator
let app: TestApp
let clerk: ClerkClient
let restoreEnv: () => void
let adaId: string

interface AppBody {
  path: string
  userId: string | null
  sessionId: string | null
  actor: Record<string, unknown> | null
}

beforeAll(async () => {
  emulator = await startEmulator({
    users: [
      { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      { email: 'bob@example.com', firstName: 'Bob' },
    ],
    rateLimit: false,
  })
  restoreEnv = useEnv(emulator.env)
  app = await startApp()
  clerk = createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl, telemetry: { disabled: true } })
  adaId = emulator.users.findByEmail('ada@example.com')!.id
})

afterAll(async () => {
  await app.close()
  await emulator.close()
  restoreEnv()
})

async function createLink(redirectUrl: string) {
  return clerk.agentTasks.create({
    onBehalfOf: { userId: adaId },
    permissions: '*',
    agentName: 'Test agent',
    taskDescription: 'Check the dashboard',
    redirectUrl,
    sessionMaxDurationInSeconds: 600,
  })
}

describe('agent task link through a real Express app with clerkMiddleware()', () => {
  it('signs the agent in with actor.type === "agent" and works only once', async () => {
    const task = await createLink(`${app.url}/dashboard?tab=1`)
    const jar = new CookieJar()

    // 1. The link: 307 to the app with the handshake in the query (development instance).
    const link = await fetch(task.url, { redirect: 'manual' })
    expect(link.status).toBe(307)
    expect(link.headers.get('cache-control')).toBe('no-store')
    jar.store(link)
    expect(jar.cookies.has('__client')).toBe(true)
    const location = new URL(link.headers.get('location')!)
    expect(location.origin + location.pathname).toBe(`${app.url}/dashboard`)
    expect(location.searchParams.get('tab')).toBe('1')
    expect(location.searchParams.get('__clerk_handshake')).toMatch(/^ey/)
    expect(location.searchParams.get('__clerk_db_jwt')).toMatch(/^dvb_/)

    // 2. The app resolves the handshake: 307 to the same URL without handshake params, setting cookies.
    const resolve = await fetch(location, { redirect: 'manual', headers: { ...DOCUMENT_HEADERS, Cookie: jar.header() } })
    expect(resolve.status).toBe(307)
    expect(resolve.headers.get('location')).toBe(`${app.url}/dashboard?tab=1`)
    jar.store(resolve)
    expect(jar.cookies.get('__session')).toMatch(/^ey/)
    expect(Number(jar.cookies.get('__client_uat'))).toBeGreaterThan(0)
    expect(jar.cookies.get('__clerk_db_jwt')).toMatch(/^dvb_/)
    expect(resolve.headers.getSetCookie().join('\n')).not.toMatch(/Secure/i)

    // 3. Signed in as Ada, acting as the agent.
    const page = await fetch(`${app.url}/dashboard?tab=1`, { headers: { ...DOCUMENT_HEADERS, Cookie: jar.header() } })
    expect(page.status).toBe(200)
    const body = (await page.json()) as AppBody
    expect(body.userId).toBe(adaId)
    expect(body.actor).toMatchObject({ type: 'agent', sub: task.agentId, task_id: task.agentTaskId })

    const state = emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)
    expect(state?.status).toBe('used')
    const session = emulator.state.sessions().find((s) => s.id === body.sessionId)
    expect(session).toMatchObject({ userId: adaId, status: 'active', agentTaskId: task.agentTaskId })
    expect(session!.expireAt - session!.createdAt).toBe(600_000)
    expect(state?.sessionId).toBe(session?.id)

    // 4. The same link again → 400 already used.
    const second = await fetch(task.url, { redirect: 'manual' })
    expect(second.status).toBe(400)
    expect(second.headers.get('content-type')).toBe('application/json')
    expect(second.headers.get('cache-control')).toBe('no-store')
    expect(((await second.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('agent_task_already_used')

    // 5. Revoking the session the link created cuts the agent off.
    await clerk.sessions.revokeSession(session!.id)
    expect(emulator.state.sessions().find((s) => s.id === session!.id)?.status).toBe('revoked')
  })

  it('refuses revoked, unknown and disallowed-origin links', async () => {
    const revoked = await createLink(`${app.url}/`)
    await clerk.agentTasks.revoke(revoked.agentTaskId)
    const res = await fetch(revoked.url, { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('agent_task_revoked')

    const unknown = await fetch(`${emulator.url}/v1/agents/tasks?ticket=nope`, { redirect: 'manual' })
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('agent_task_cannot_be_used')

    const elsewhere = await createLink('https://evil.example/steal')
    const refused = await fetch(elsewhere.url, { redirect: 'manual' })
    expect(refused.status).toBe(400)
    expect(emulator.state.agentTasks().find((t) => t.id === elsewhere.agentTaskId)?.status).toBe('pending')
  })
})

describe('handshakes', () => {
  it('a fresh cookieless browser ends up on the page, signed out, without a loop', async () => {
    const jar = new CookieJar()
    const { hops, final } = await browse(`${app.url}/welcome`, jar)
    expect(final.status).toBe(200)
    const body = (await final.json()) as AppBody
    expect(body).toMatchObject({ path: '/welcome', userId: null, actor: null })
    // app → emulator /v1/client/handshake → app (handshake) → app (clean URL)
    expect(hops.map((h) => new URL(h.url).pathname)).toEqual(['/welcome', '/v1/client/handshake', '/welcome', '/welcome'])
    expect(new URL(hops[1]!.url).origin).toBe(emulator.url)
    expect(jar.cookies.get('__clerk_db_jwt')).toMatch(/^dvb_/)
    expect(jar.cookies.get('__client_uat')).toBe('0')

    // Subsequent navigations need no handshake.
    const again = await browse(`${app.url}/welcome`, jar)
    expect(again.hops).toHaveLength(1)
    expect(((await again.final.json()) as AppBody).userId).toBeNull()

    // Non-document requests are never redirected.
    const api = await fetch(`${app.url}/api`, { redirect: 'manual', headers: { Accept: 'application/json' } })
    expect(api.status).toBe(200)
  })

  it('the hosted sign-in page produces a normal session; handshakes refresh it; sign-out ends it', async () => {
    const jar = new CookieJar()
    const pageRes = await fetch(`${emulator.signInUrl}?redirect_url=${encodeURIComponent(`${app.url}/home`)}`)
    expect(pageRes.status).toBe(200)
    const html = await pageRes.text()
    expect(html).toContain('Ada Lovelace')
    expect(html).toContain('bob@example.com')

    const bob = emulator.users.findByEmail('bob@example.com')!
    const form = new URLSearchParams({ user_id: bob.id, redirect_url: `${app.url}/home` })
    const { hops, final } = await browse(emulator.signInUrl, jar, {
      method: 'POST',
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(hops[0]?.status).toBe(303)
    const body = (await final.json()) as AppBody
    expect(body).toMatchObject({ path: '/home', userId: bob.id, actor: null })
    const firstToken = jar.cookies.get('__session')

    // The handshake endpoint hands this browser a fresh token for the same session (what clerkMiddleware
    // triggers on a document request once the 60 s token has expired).
    await new Promise((r) => setTimeout(r, 1100))
    const refresh = await browse(
      `${emulator.url}/v1/client/handshake?redirect_url=${encodeURIComponent(`${app.url}/home`)}&format=nonce&suffixed_cookies=false`,
      jar,
    )
    expect(((await refresh.final.json()) as AppBody).sessionId).toBe(body.sessionId)
    expect(jar.cookies.get('__session')).not.toBe(firstToken)
    expect(emulator.state.requests().some((r) => r.path === '/v1/clients/handshake_payload' && r.status === 200)).toBe(true)

    // Sign out.
    const out = await browse(`${emulator.url}/sign-out?redirect_url=${encodeURIComponent(`${app.url}/home`)}`, jar)
    expect(((await out.final.json()) as AppBody).userId).toBeNull()
    expect(emulator.state.sessions().find((s) => s.id === body.sessionId)?.status).toBe('ended')
  })

  it('refuses handshakes to disallowed origins', async () => {
    const res = await fetch(`${emulator.url}/v1/client/handshake?redirect_url=${encodeURIComponent('https://evil.example/')}`, {
      redirect: 'manual',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
