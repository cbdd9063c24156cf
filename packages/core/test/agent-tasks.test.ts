import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClerkClient } from '@clerk/backend'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AgentTaskError, type AgentTasksOptions, createAgentTasks, createMemoryStore } from '../src/index.js'
import { rejection } from './rejection.js'

let emulator: Emulator
let ada: string
let bob: string

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
    rateLimit: false,
    allowedRedirectOrigins: ['https://app.example'],
  })
  ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
  bob = emulator.users.findByEmail('bob@example.com')?.id ?? ''
})
afterAll(() => emulator.close())
afterEach(() => emulator.faults.clear())

const origin = 'https://app.example'

function setup(options: Partial<AgentTasksOptions<unknown>> = {}) {
  return createAgentTasks<unknown>({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl, ...options })
}


describe('programmatic API', () => {
  it('creates a link through the real @clerk/backend client and records it', async () => {
    const agentTasks = setup({ agentName: 'qa-bot' })
    const task = await agentTasks.create(
      { redirectUrl: '/home', taskDescription: 'Nightly check' },
      { auth: { userId: ada }, context: undefined, origin },
    )
    expect(task).toMatchObject({ agentName: 'qa-bot', redirectUrl: `${origin}/home`, onBehalfOf: { userId: ada } })
    expect(task.url).toContain(emulator.url)
    const record = await agentTasks.store.get(task.agentTaskId)
    expect(record).toMatchObject({ ownerUserId: ada, subjectUserId: ada, status: 'pending' })
    expect(JSON.stringify(record)).not.toContain(task.url)
    const sent = emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)
    expect(sent).toMatchObject({ agentName: 'qa-bot', taskDescription: 'Nightly check', userId: ada })
  })

  it('accepts a client created elsewhere, resolved once on first use', async () => {
    let created = 0
    const agentTasks = createAgentTasks<unknown>({
      clerkClient: () => {
        created++
        return createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })
      },
      redirect: { allowedOrigins: [origin] },
    })
    expect(created).toBe(0)
    await agentTasks.create({}, { auth: { userId: ada }, context: undefined })
    await agentTasks.create({}, { auth: { userId: ada }, context: undefined })
    expect(created).toBe(1)
  })

  it('resolves paths against the first allowed origin when no request origin is known', async () => {
    const agentTasks = setup({ redirect: { allowedOrigins: ['https://one.example', 'https://two.example'], defaultUrl: '/start' } })
    const task = await agentTasks.create({}, { auth: { userId: ada }, context: undefined })
    expect(task.redirectUrl).toBe('https://one.example/start')
  })

  it('revokes, and for a used link ends the session it opened', async () => {
    const agentTasks = setup()
    const call = { auth: { userId: ada }, context: undefined, origin }
    const task = await agentTasks.create({}, call)
    const revoked = await agentTasks.revoke(task.agentTaskId, call)
    expect(revoked.status).toBe('revoked')
    expect((await rejection(agentTasks.revoke(task.agentTaskId, call))).code).toBe('agent_task_already_revoked')

    const used = await agentTasks.create({}, call)
    await fetch(used.url, { redirect: 'manual' })
    const ended = await agentTasks.revoke(used.agentTaskId, call)
    expect(ended).toMatchObject({ status: 'used', sessions: [expect.objectContaining({ status: 'revoked' })] })
    expect((await agentTasks.store.get(used.agentTaskId))?.status).toBe('used')
  })

  it('keeps other users’ links out of reach unless authorize allows', async () => {
    const agentTasks = setup({ authorize: ({ auth, action }) => action === 'revoke' && auth.userId === bob })
    const task = await agentTasks.create({}, { auth: { userId: ada }, context: undefined, origin })
    const forBob = await rejection(
      agentTasks.create({ onBehalfOf: { userId: bob } }, { auth: { userId: ada }, context: undefined, origin }),
    )
    expect(forBob.code).toBe('on_behalf_of_forbidden')
    const revoked = await agentTasks.revoke(task.agentTaskId, { auth: { userId: bob }, context: undefined })
    expect(revoked.status).toBe('revoked')
  })

  it('passes the framework context to authorize and hooks', async () => {
    const seen: unknown[] = []
    const context = { tenant: 'acme' }
    const agentTasks = setup({
      authorize: (args) => {
        seen.push(args.context)
        return true
      },
      hooks: {
        onCreated: (event) => {
          seen.push(event.context)
        },
      },
    })
    await agentTasks.create({ onBehalfOf: { userId: bob } }, { auth: { userId: ada }, context, origin })
    expect(seen).toEqual([context, context])
  })

  it('reports a throwing hook and still answers', async () => {
    const reported: string[] = []
    const agentTasks = setup({
      hooks: {
        onCreated: () => {
          throw new Error('audit log down')
        },
        onHookError: (_error, hook) => reported.push(hook),
      },
    })
    const task = await agentTasks.create({}, { auth: { userId: ada }, context: undefined, origin })
    expect(task.agentTaskId).toBeTruthy()
    expect(reported).toEqual(['onCreated'])
  })

  it('refuses a reply that is not an agent task', async () => {
    const agentTasks = setup()
    emulator.faults.add({ method: 'POST', path: '/v1/agents/tasks', status: 200, body: { object: 'something_else' }, times: 1 })
    const error = await rejection(agentTasks.create({}, { auth: { userId: ada }, context: undefined, origin }))
    expect(error.code).toBe('upstream_error')
  })
})

describe('handle(): the HTTP contract on Web-standard Request objects', () => {
  const handler = () => setup({ basePath: '/api/agent-tasks' })
  const request = (path: string, init: RequestInit = {}) =>
    new Request(`${origin}${path}`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'same-origin' }, ...init })

  it('routes below basePath and ignores other paths', async () => {
    const agentTasks = handler()
    const created = await agentTasks.handle(request('/api/agent-tasks'), { auth: { userId: ada }, context: undefined })
    expect(created.status).toBe(201)
    const { agentTask } = await created.json()
    const revoked = await agentTasks.handle(request(`/api/agent-tasks/${agentTask.agentTaskId}/revoke`), {
      auth: { userId: ada },
      context: undefined,
    })
    expect(revoked.status).toBe(200)
    const elsewhere = await agentTasks.handle(request('/api/other'), { auth: { userId: ada }, context: undefined })
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.headers.get('cache-control')).toBe('no-store')
  })

  it('reads a streamed body and stops reading past 16 KiB', async () => {
    const agentTasks = handler()
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        if (pulled > 100) controller.close()
        else controller.enqueue(new Uint8Array(1024).fill(32))
      },
    })
    const response = await agentTasks.handle(
      request('/api/agent-tasks', { body, headers: { 'Content-Type': 'application/json', Origin: origin }, duplex: 'half' } as RequestInit),
      { auth: { userId: ada }, context: undefined },
    )
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(30)
  })

  it('uses a body a framework already parsed', async () => {
    const agentTasks = handler()
    const response = await agentTasks.handle(
      request('/api/agent-tasks', { headers: { 'Content-Type': 'application/json', Origin: origin } }),
      { auth: { userId: ada }, context: undefined, body: { value: { taskDescription: 'pre-parsed' } } },
    )
    expect(response.status).toBe(201)
    expect((await response.json()).agentTask.taskDescription).toBe('pre-parsed')
  })
})

describe('no link without a record', () => {
  const call = () => ({ auth: { userId: ada }, context: undefined, origin })

  it('revokes the link at once when the store refuses its record, passing the store’s own error on', async () => {
    const store = createMemoryStore()
    const refusing = { ...store, save: async () => Promise.reject(new AgentTaskError('store_unavailable', 'The store is full.')) }
    const agentTasks = setup({ store: refusing })
    const before = new Set(emulator.state.agentTasks().map((t) => t.id))
    const error = await rejection(agentTasks.create({ taskDescription: 'refused' }, call()))
    expect(error).toMatchObject({ code: 'store_unavailable', status: 503, message: 'The store is full.' })
    const minted = emulator.state.agentTasks().filter((t) => !before.has(t.id))
    expect(minted.map((t) => t.status)).toEqual(['revoked'])
  })

  it('wraps a store’s own failure as store_unavailable, the link revoked all the same', async () => {
    const store = createMemoryStore()
    const agentTasks = setup({ store: { ...store, save: async () => Promise.reject(new Error('database is down')) } })
    const before = new Set(emulator.state.agentTasks().map((t) => t.id))
    const error = await rejection(agentTasks.create({}, call()))
    expect(error).toMatchObject({ code: 'store_unavailable', message: 'The link could not be recorded, so it was revoked. Try again.' })
    expect(emulator.state.agentTasks().filter((t) => !before.has(t.id)).map((t) => t.status)).toEqual(['revoked'])
  })
})
