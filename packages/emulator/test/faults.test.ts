import type { ClerkClient } from '@clerk/backend'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { apiError, clerkFor } from './helpers.js'

let emulator: Emulator
let clerk: ClerkClient
let adaId: string


const createTask = () =>
  clerk.agentTasks.create({
    onBehalfOf: { identifier: 'ada@example.com' },
    permissions: '*',
    agentName: 'bot',
    taskDescription: 'x',
    redirectUrl: 'http://localhost:3000/',
  })

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false })
  clerk = clerkFor(emulator)
  adaId = emulator.users.list()[0]!.id
})
afterAll(() => emulator.close())
beforeEach(() => emulator.faults.clear())

describe('fault injection', () => {
  it('answers a status with a custom body', async () => {
    emulator.faults.add({
      method: 'POST',
      path: '/v1/agents/tasks',
      status: 503,
      body: { errors: [{ message: 'down', long_message: 'Down for maintenance', code: 'maintenance', meta: {} }] },
    })
    const error = await apiError(createTask())
    expect(error.status).toBe(503)
    expect(error.errors[0]?.code).toBe('maintenance')
  })

  it('429 with Retry-After surfaces as retryAfter', async () => {
    emulator.faults.add({ path: '/v1/agents/tasks', status: 429, retryAfterSeconds: 7 })
    const error = await apiError(createTask())
    expect(error.status).toBe(429)
    expect(error.retryAfter).toBe(7)
    expect(error.errors[0]?.code).toBe('too_many_requests')
  })

  it('applies latency and then answers normally', async () => {
    emulator.faults.add({ path: /^\/v1\/agents\/tasks$/, latencyMs: 250 })
    const started = Date.now()
    const task = await createTask()
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    expect(task.agentTaskId).toMatch(/^agt_/)
  })

  it('drops connections and serves malformed JSON', async () => {
    emulator.faults.add({ path: '/v1/agents/tasks', dropConnection: true, times: 1 })
    const dropped = await apiError(createTask())
    expect(dropped.errors[0]?.code).toBe('unexpected_error')
    expect(emulator.state.requests().at(-1)).toMatchObject({ method: 'POST', path: '/v1/agents/tasks', status: 0 })

    emulator.faults.add({ path: '/v1/agents/tasks', malformed: true, times: 1 })
    const malformed = await apiError(createTask())
    expect(malformed.errors[0]?.code).toBe('unexpected_error')

    // Both rules were single-use.
    expect((await createTask()).agentTaskId).toMatch(/^agt_/)
  })

  it('honours times and method', async () => {
    emulator.faults.add({ method: 'POST', path: '/v1/sessions', status: 500, times: 2 })
    expect((await apiError(clerk.sessions.createSession({ userId: adaId }))).status).toBe(500)
    expect((await apiError(clerk.sessions.createSession({ userId: adaId }))).status).toBe(500)
    expect((await clerk.sessions.createSession({ userId: adaId })).status).toBe('active')
    emulator.faults.add({ method: 'GET', path: '/v1/sessions', status: 500 })
    expect((await clerk.sessions.createSession({ userId: adaId })).status).toBe('active')
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After once over the limit', async () => {
    const limited = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: { requests: 3, windowMs: 60_000 } })
    try {
      const client = clerkFor(limited)
      for (let i = 0; i < 3; i++) await client.users.getUser(limited.users.list()[0]!.id)
      const error = await apiError(client.users.getUser(limited.users.list()[0]!.id))
      expect(error.status).toBe(429)
      expect(error.retryAfter).toBeGreaterThan(0)
      expect(error.retryAfter).toBeLessThanOrEqual(60)
      // The Frontend API is not rate limited.
      expect((await fetch(`${limited.url}/v1/agents/tasks?ticket=x`)).status).toBe(400)
      limited.state.reset()
      expect((await client.users.getUser(limited.users.list()[0]!.id)).id).toMatch(/^user_/)
    } finally {
      await limited.close()
    }
  })
})

describe('wire details', () => {
  it('uses Content-Type application/json exactly, on success and error', async () => {
    const auth = { Authorization: `Bearer ${emulator.secretKey}` }
    for (const res of [
      await fetch(`${emulator.apiUrl}/v1/jwks`, { headers: auth }),
      await fetch(`${emulator.apiUrl}/v1/users`, { headers: auth }),
      await fetch(`${emulator.apiUrl}/v1/users/user_missing`, { headers: auth }),
      await fetch(`${emulator.apiUrl}/v1/nope`, { headers: auth }),
      await fetch(`${emulator.apiUrl}/v1/jwks`),
    ]) {
      expect(res.headers.get('content-type')).toBe('application/json')
    }
  })

  it('logs every request without query strings, so tickets never leak', async () => {
    emulator.state.reset()
    const task = await createTask()
    const ticket = new URL(task.url).searchParams.get('ticket')!
    await fetch(task.url, { redirect: 'manual' })
    await fetch(`${emulator.url}/v1/users?email_address=secret@example.com`)
    const log = emulator.state.requests()
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v1/agents/tasks 200',
      'GET /v1/agents/tasks 307',
      'GET /v1/users 401',
    ])
    const text = JSON.stringify(log)
    expect(text).not.toContain('?')
    expect(text).not.toContain(ticket)
    expect(text).not.toContain('secret@example.com')
    expect(log.every((r) => typeof r.at === 'number')).toBe(true)
  })

  it('reset() forgets tasks and sessions but keeps users', async () => {
    await createTask()
    emulator.state.reset()
    expect(emulator.state.agentTasks()).toHaveLength(0)
    expect(emulator.state.sessions()).toHaveLength(0)
    expect(emulator.users.list()).toHaveLength(1)
  })
})
