import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type AgentTasks, type AgentTasksOptions, type AgentTaskStore, createAgentTasks, createMemoryStore } from '../src/index.js'

// Clerk (the emulator) calls a real app over loopback HTTP: `agentTasks.handle` behind node:http, the
// webhook route mounted at /api/agent-tasks/clerk-webhook, no signed-in user (Clerk calls it server to server).

interface Delivery {
  headers: Record<string, string>
  body: string
}

interface WebhookApp {
  url: string
  agentTasks: AgentTasks<unknown>
  /** Every webhook the app received, as sent, and the status it answered. */
  received: Array<Delivery & { status: number }>
  close(): Promise<void>
}

const BASE = '/api/agent-tasks'
const origin = 'https://app.example'
let emulator: Emulator
let ada: string
const apps: WebhookApp[] = []

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com' }],
    rateLimit: false,
    allowedRedirectOrigins: [origin],
    webhooks: { retryDelaysMs: [100, 100, 100] },
  })
  ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
})
afterAll(() => emulator.close())
afterEach(async () => {
  emulator.setWebhookUrl(null)
  for (const app of apps.splice(0)) await app.close()
})

function webRequest(req: IncomingMessage, url: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit)
}

/** An app serving the contract at BASE with no Clerk session on any request; the emulator's webhooks point at it. */
async function startApp(options: Partial<AgentTasksOptions<unknown>> = {}, { pointEmulator = true, secretOption = true } = {}): Promise<WebhookApp> {
  const agentTasks = createAgentTasks<unknown>({
    secretKey: emulator.secretKey,
    apiUrl: emulator.apiUrl,
    basePath: BASE,
    ...(secretOption ? { webhookSigningSecret: emulator.webhookSigningSecret } : {}),
    ...options,
  })
  const received: WebhookApp['received'] = []
  const server: Server = createServer(async (req, res) => {
    const url = `http://127.0.0.1${req.url}`
    const teed = req.headers['svix-id'] !== undefined
    let request = webRequest(req, url)
    let body = ''
    if (teed) {
      // Kept as sent, to replay it later.
      body = await request.text()
      request = new Request(url, { method: request.method, headers: request.headers, body })
    }
    const response = await agentTasks.handle(request, { auth: null, context: undefined })
    if (teed) received.push({ headers: Object.fromEntries(request.headers), body, status: response.status })
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const app: WebhookApp = {
    url: `http://127.0.0.1:${port}`,
    agentTasks,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  apps.push(app)
  if (pointEmulator) emulator.setWebhookUrl(`${app.url}${BASE}/clerk-webhook`)
  return app
}

async function until<T>(read: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const as = (userId: string) => ({ auth: { userId }, context: undefined, origin })
const sessionListings = () => emulator.state.requests().filter((r) => r.method === 'GET' && r.path === '/v1/sessions').length

/** Follows an agent-task link as an agent's browser would; returns the session it opened and the browser's `__client` cookie. */
async function useLink(url: string, agentTaskId: string) {
  const response = await fetch(url, { redirect: 'manual' })
  expect(response.status).toBe(307)
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__client='))?.split(';')[0] ?? ''
  const session = emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)
  if (!session) throw new Error('the link opened no session')
  return { sessionId: session.id, cookie }
}

async function webhookStatus(app: WebhookApp, delivery: Delivery, overrides: { headers?: Record<string, string | undefined>; body?: string } = {}) {
  const headers = Object.fromEntries(
    Object.entries({ ...delivery.headers, ...overrides.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'content-length'),
  )
  const response = await fetch(`${app.url}${BASE}/clerk-webhook`, { method: 'POST', headers, body: overrides.body ?? delivery.body })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('Clerk webhooks: the ledger learns from them', () => {
  it('an agent link used in the emulator is `used` with its session from the webhook alone, polling off', async () => {
    const app = await startApp({ pollClerkForSessions: false })
    const task = await app.agentTasks.create({}, as(ada))
    const listingsBefore = sessionListings()
    const { sessionId } = await useLink(task.url, task.agentTaskId)
    const record = await until(async () => {
      const current = await app.agentTasks.store.get(task.agentTaskId)
      return current?.status === 'used' ? current : undefined
    })
    expect(record).toMatchObject({ status: 'used', usedAt: expect.any(String), sessions: [{ sessionId, status: 'active', expiresAt: expect.any(String) }] })
    expect(app.received.map((d) => d.status)).toEqual([200])
    // Listing shows it as the webhook left it, without asking Clerk for anyone's sessions.
    const [listed] = (await app.agentTasks.list({ limit: 1 }, as(ada))).data
    expect(listed).toMatchObject({ agentTaskId: task.agentTaskId, status: 'used', sessions: [{ sessionId, status: 'active' }] })
    expect(sessionListings()).toBe(listingsBefore)
  })

  it('with polling on (the default), listing still learns from Clerk', async () => {
    const app = await startApp({}, { pointEmulator: false })
    const task = await app.agentTasks.create({}, as(ada))
    const listingsBefore = sessionListings()
    await useLink(task.url, task.agentTaskId)
    const [listed] = (await app.agentTasks.list({ limit: 1 }, as(ada))).data
    expect(listed).toMatchObject({ status: 'used' })
    expect(sessionListings()).toBeGreaterThan(listingsBefore)
  })

  it('session.revoked, session.ended and session.removed end the session in the record', async () => {
    const app = await startApp({ pollClerkForSessions: false })
    const clerk = (await import('@clerk/backend')).createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })
    const statusOf = async (agentTaskId: string) => (await app.agentTasks.store.get(agentTaskId))?.sessions?.[0]?.status

    // revoked: through the Backend API, as the kill switch of another app would
    const revokedTask = await app.agentTasks.create({}, as(ada))
    const revoked = await useLink(revokedTask.url, revokedTask.agentTaskId)
    await until(async () => ((await statusOf(revokedTask.agentTaskId)) === 'active' ? true : undefined))
    await clerk.sessions.revokeSession(revoked.sessionId)
    await until(async () => ((await statusOf(revokedTask.agentTaskId)) === 'revoked' ? true : undefined))

    // ended: the agent's browser signs out on the hosted page
    const endedTask = await app.agentTasks.create({}, as(ada))
    const ended = await useLink(endedTask.url, endedTask.agentTaskId)
    await fetch(`${emulator.url}/sign-out`, { headers: { Cookie: ended.cookie } })
    await until(async () => ((await statusOf(endedTask.agentTaskId)) === 'ended' ? true : undefined))

    // removed: the user is deleted
    const grace = await clerk.users.createUser({ emailAddress: ['grace@example.com'] })
    const removedTask = await app.agentTasks.create({ onBehalfOf: { userId: grace.id } }, { ...as(ada), auth: { userId: grace.id } })
    await useLink(removedTask.url, removedTask.agentTaskId)
    await until(async () => ((await statusOf(removedTask.agentTaskId)) === 'active' ? true : undefined))
    await clerk.users.deleteUser(grace.id)
    await until(async () => ((await statusOf(removedTask.agentTaskId)) === 'removed' ? true : undefined))

    for (const id of [revokedTask.agentTaskId, endedTask.agentTaskId, removedTask.agentTaskId]) {
      expect((await app.agentTasks.store.get(id))?.status).toBe('used')
    }
    // The kill switch for such a link knows there is nothing left to end, without asking Clerk for sessions.
    const listingsBefore = sessionListings()
    await expect(app.agentTasks.revoke(revokedTask.agentTaskId, as(ada))).rejects.toMatchObject({ code: 'agent_session_already_ended' })
    expect(sessionListings()).toBe(listingsBefore)
  })

  it('a replayed delivery is acknowledged and not applied again; a late session.created never revives an ended session', async () => {
    const app = await startApp({ pollClerkForSessions: false })
    const task = await app.agentTasks.create({}, as(ada))
    const { sessionId } = await useLink(task.url, task.agentTaskId)
    const created = await until(() => app.received.find((d) => d.body.includes('"session.created"')))
    const clerk = (await import('@clerk/backend')).createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })
    await clerk.sessions.revokeSession(sessionId)
    await until(() => app.received.find((d) => d.body.includes('"session.revoked"')))

    const replay = await webhookStatus(app, created)
    expect(replay).toMatchObject({ status: 200, body: { message: 'Webhook already received', applied: false } })
    expect((await app.agentTasks.store.get(task.agentTaskId))?.sessions).toMatchObject([{ sessionId, status: 'revoked' }])

    // Another instance on the same store has not seen the message: applying it again changes nothing.
    const other = await startApp({ pollClerkForSessions: false, store: app.agentTasks.store }, { pointEmulator: false })
    const elsewhere = await webhookStatus(other, created)
    expect(elsewhere).toMatchObject({ status: 200, body: { message: 'Webhook received', applied: false } })
    expect((await app.agentTasks.store.get(task.agentTaskId))?.sessions).toMatchObject([{ sessionId, status: 'revoked' }])
  })

  it('acknowledges events it has nothing to do with: a person’s session, a link minted elsewhere, user events', async () => {
    const app = await startApp({ pollClerkForSessions: false })
    await emulator.signIn(ada)
    await emulator.signIn(ada, { actor: { type: 'agent', sub: 'agent_x', task_id: 'agt_minted_elsewhere' } })
    await emulator.users.create({ email: 'hopper@example.com' })
    await until(() => (app.received.length >= 3 ? true : undefined))
    expect(app.received.map((d) => d.status)).toEqual([200, 200, 200])
  })
})

describe('Clerk webhooks: what the route refuses', () => {
  async function oneDelivery(app: WebhookApp): Promise<Delivery> {
    await emulator.signIn(ada)
    return until(() => app.received[0])
  }

  it('a bad or missing signature is 401 webhook_signature_invalid, and nothing is applied', async () => {
    const app = await startApp()
    const delivery = await oneDelivery(app)
    const forged = await webhookStatus(app, delivery, { headers: { 'svix-signature': 'v1,bm90IHRoZSBzaWduYXR1cmU=' }, body: delivery.body.replace('"active"', '"ended"') })
    expect(forged).toMatchObject({ status: 401, body: { code: 'webhook_signature_invalid' } })
    expect(String(forged.body.detail)).toContain('No matching signature found')
    const tampered = await webhookStatus(app, delivery, { headers: { 'svix-id': 'msg_other' } })
    expect(tampered.status).toBe(401)
    const unsigned = await webhookStatus(app, delivery, { headers: { 'svix-signature': undefined, 'svix-timestamp': undefined } })
    expect(unsigned).toMatchObject({ status: 401, body: { code: 'webhook_signature_invalid', errors: [{ field: 'svix-timestamp' }, { field: 'svix-signature' }] } })
    const old = await webhookStatus(app, delivery, { headers: { 'svix-timestamp': String(Math.floor(Date.now() / 1000) - 600) } })
    expect(old.status).toBe(401)
  })

  it('an oversized body is 413 before anything is verified, whether or not it declares its length', async () => {
    const app = await startApp()
    const delivery = await oneDelivery(app)
    const big = `{"pad":"${'x'.repeat(70 * 1024)}"}`
    expect(await webhookStatus(app, delivery, { body: big })).toMatchObject({ status: 413, body: { code: 'payload_too_large' } })
    const chunked = await fetch(`${app.url}${BASE}/clerk-webhook`, {
      method: 'POST',
      headers: { 'svix-id': 'msg_x', 'svix-timestamp': '1', 'svix-signature': 'v1,x' },
      body: Readable.toWeb(Readable.from([Buffer.alloc(40 * 1024, 'x'), Buffer.alloc(40 * 1024, 'x')])) as ReadableStream,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
  })

  it('without a signing secret the route is 404 naming the option; other methods are 405', async () => {
    const previous = process.env.CLERK_WEBHOOK_SIGNING_SECRET
    delete process.env.CLERK_WEBHOOK_SIGNING_SECRET
    try {
      const app = await startApp({}, { pointEmulator: false, secretOption: false })
      const response = await fetch(`${app.url}${BASE}/clerk-webhook`, { method: 'POST', body: '{}' })
      expect(response.status).toBe(404)
      const problem = (await response.json()) as { code: string; detail: string }
      expect(problem.code).toBe('webhook_not_configured')
      expect(problem.detail).toContain('CLERK_WEBHOOK_SIGNING_SECRET')
      expect(problem.detail).toContain('webhookSigningSecret')
      const get = await fetch(`${app.url}${BASE}/clerk-webhook`)
      expect(get.status).toBe(405)
      expect(get.headers.get('allow')).toBe('POST')
    } finally {
      if (previous !== undefined) process.env.CLERK_WEBHOOK_SIGNING_SECRET = previous
    }
  })

  it('reads CLERK_WEBHOOK_SIGNING_SECRET when no option is given', async () => {
    process.env.CLERK_WEBHOOK_SIGNING_SECRET = emulator.webhookSigningSecret
    try {
      const app = await startApp({}, { secretOption: false })
      await oneDelivery(app)
      expect(app.received[0]?.status).toBe(200)
    } finally {
      delete process.env.CLERK_WEBHOOK_SIGNING_SECRET
    }
  })

  it('a body a parser already turned into an object cannot be verified: 500 misconfigured naming the fix', async () => {
    const app = await startApp({}, { pointEmulator: false })
    const signed = { 'svix-id': 'msg_1', 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': 'v1,x' }
    const request = new Request(`http://127.0.0.1${BASE}/clerk-webhook`, { method: 'POST', headers: signed })
    const response = await app.agentTasks.handle(request, {
      auth: null,
      context: undefined,
      body: { value: { type: 'session.created' } },
    })
    expect(response.status).toBe(500)
    expect(((await response.json()) as { detail: string }).detail).toContain('before your JSON body parser')
  })

  it('a store failure is 503, so Svix delivers again; the retry is applied', async () => {
    let down = true
    const memory = createMemoryStore()
    const flaky: AgentTaskStore = {
      ...memory,
      save: (record, options) => memory.save(record, options),
      get: (id) => memory.get(id),
      update: async (id, patch, expected) => {
        if (down) throw new Error('store down while holding sk_test_hunter2 and whsec_aHVudGVyMg==')
        return memory.update(id, patch, expected)
      },
      list: (filter) => memory.list(filter),
      countPending: (owner) => memory.countPending(owner),
    }
    const app = await startApp({ pollClerkForSessions: false, store: flaky })
    const task = await app.agentTasks.create({}, as(ada))
    const logged: string[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void logged.push(args.join(' '))
    try {
      await useLink(task.url, task.agentTaskId)
      await until(() => (app.received.length === 1 ? true : undefined))
      expect(app.received[0]?.status).toBe(503)
      expect((await memory.get(task.agentTaskId))?.status).toBe('pending')
      down = false
      await until(async () => ((await memory.get(task.agentTaskId))?.status === 'used' ? true : undefined))
    } finally {
      console.error = original
    }
    expect(app.received.map((d) => d.status)).toEqual([503, 200])
    expect(new Set(app.received.map((d) => d.headers['svix-id'])).size).toBe(1)
    expect(emulator.state.webhookDeliveries().slice(-2).map((d) => [d.attempt, d.status])).toEqual([
      [1, 503],
      [2, 200],
    ])
    expect(logged.join('\n')).toContain('answered 503')
    expect(logged.join('\n')).not.toContain('hunter2')
    expect(logged.join('\n')).not.toContain('aHVudGVyMg')
  })
})
