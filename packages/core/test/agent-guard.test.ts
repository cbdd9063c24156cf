import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClerkClient } from '@clerk/backend'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type AdapterOptions, createAdapterKit, type FrameworkAdapter, hostHeaderOrigin } from '../src/adapter/index.js'
import {
  AgentTaskError,
  type AgentActionRefusedEvent,
  type AgentTasksAuth,
  type AgentTaskStore,
  type ApprovalStore,
  createMemoryApprovalStore,
  createMemoryStore,
} from '../src/index.js'
import { rejection } from './rejection.js'

// The guard through the kit, as an adapter mounts it: real memory stores, a real Clerk (the emulator)
// and real agent sessions opened by following minted links.

let emulator: Emulator
const origin = 'https://app.example'

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, allowedRedirectOrigins: [origin] })
})
afterAll(() => emulator.close())
afterEach(() => emulator.faults.clear())

interface TestNative {
  request: Request
  auth: AgentTasksAuth | undefined
}

const testAdapter: FrameworkAdapter<TestNative> = {
  name: '@agent-tasks/test-framework',
  missingMiddlewareFix: 'Add the test middleware.',
  readAuth: (native) => native.auth,
  requestOrigin: (native) => hostHeaderOrigin(native.request),
  clerkClient: () => createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl }),
}

/** Counts every call on a real store, to prove a person's request makes none. */
function counted<T extends object>(target: T): { store: T; calls: string[] } {
  const calls: string[] = []
  const store = new Proxy(target, {
    get(object, name, receiver) {
      const value = Reflect.get(object, name, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(String(name))
        return value.apply(object, args)
      }
    },
  })
  return { store, calls }
}

const scopes = { reports: { rules: [{ methods: 'safe' as const, paths: ['/reports/**'] }] } }
const defaultPolicy = [
  { effect: 'deny' as const, paths: ['/admin/**'] },
  { effect: 'ask' as const, paths: ['/billing/**', '/api/billing/**'] },
]

function setup(options: AdapterOptions<TestNative> = {}) {
  const links = counted<AgentTaskStore>(createMemoryStore())
  const approvals = counted<ApprovalStore>(createMemoryApprovalStore())
  const refused: AgentActionRefusedEvent<TestNative>[] = []
  const kit = createAdapterKit(testAdapter, {
    store: links.store,
    approvals: { store: approvals.store },
    policy: { scopes, defaultPolicy },
    hooks: { onAgentActionRefused: (event) => void refused.push(event) },
    ...options,
  })
  return { kit, links, approvals, refused }
}

const newUser = () => emulator.users.create({ email: `guard-${Math.random().toString(36).slice(2)}@example.com` }).id
const request = (path: string, init: RequestInit = {}) =>
  new Request(`${origin}${path}`, { ...init, headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } })
const as = (auth: AgentTasksAuth, path = '/'): TestNative => ({ request: request(path), auth })
const json = { accept: 'application/json' }

/** Mints a link for `userId`, follows it (Clerk opens the agent's session), and returns that session's auth. */
async function agentSession(kit: ReturnType<typeof setup>['kit'], userId: string, input: { scope?: string } = {}) {
  const task = await kit.create(as({ userId }), input)
  expect((await fetch(task.url, { redirect: 'manual' })).status).toBe(307)
  const session = emulator.state.sessions().find((s) => s.agentTaskId === task.agentTaskId)
  if (!session) throw new Error('the emulator opened no session')
  const auth: AgentTasksAuth = { userId, sessionId: session.id, actor: { ...session.actor } }
  return { task, auth }
}

async function bodyOf(response: { body: string } | undefined) {
  if (!response) throw new Error('expected a refusal')
  return JSON.parse(response.body)
}

describe('minting with a scope', () => {
  it('records a declared scope, returns it and lists it; refuses an unknown one before Clerk is called', async () => {
    const { kit } = setup()
    const userId = newUser()
    const minted = emulator.state.agentTasks().length
    const unknown = await kit.respondWeb(as({ userId }), request('/', { method: 'POST', body: JSON.stringify({ scope: 'billing-admin' }) }), '/')
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ code: 'invalid_request', errors: [{ field: 'scope', message: expect.stringContaining('read-only, reports') }] })
    for (const scope of [42, '', '\uD83D']) {
      const error = await rejection(kit.create(as({ userId }), { scope } as never))
      expect(error).toMatchObject({ code: 'invalid_request', fields: [{ field: 'scope' }] })
    }
    expect(emulator.state.agentTasks()).toHaveLength(minted)

    const created = await kit.respondWeb(as({ userId }), request('/', { method: 'POST', body: JSON.stringify({ scope: 'reports' }) }), '/')
    expect(created.status).toBe(201)
    const { agentTask } = await created.json()
    expect(agentTask.scope).toBe('reports')
    expect(await kit.store.get(agentTask.agentTaskId)).toMatchObject({ scope: 'reports' })
    const unscoped = await kit.create(as({ userId }), {})
    expect(unscoped).not.toHaveProperty('scope')
    const listed = await kit.list(as({ userId }))
    expect(listed.data.map((r) => r.scope)).toEqual([undefined, 'reports'])
  })
})

describe('the guard', () => {
  it('lets a person’s request through with no store call and no promise of its own', async () => {
    const { kit, links, approvals } = setup()
    const person = as({ userId: newUser(), sessionId: 'sess_person' })
    const first = kit.guard(person, { method: 'POST', path: '/admin/delete', ...json })
    expect(first).toBe(kit.guard(as({ userId: null }), { method: 'GET', path: '/billing' }))
    expect(await first).toBeUndefined()
    expect(await kit.guardWeb(person, request('/billing', { method: 'DELETE' }))).toBeUndefined()
    // Impersonation is a person too.
    expect(await kit.guard(as({ userId: 'user_1', actor: { type: 'impersonation', sub: 'user_admin' } }), { method: 'POST', path: '/admin' })).toBeUndefined()
    expect(links.calls).toEqual([])
    expect(approvals.calls).toEqual([])
  })

  it('an unscoped link: allowed where the default policy says nothing, 403 where it denies, and always on the agent-tasks routes', async () => {
    const { kit, refused } = setup()
    const userId = newUser()
    const { task, auth } = await agentSession(kit, userId)
    expect(await kit.guard(as(auth), { method: 'POST', path: '/dashboard', ...json })).toBeUndefined()
    const denied = await kit.guard(as(auth), { method: 'GET', path: '/admin/users?token=secret', ...json })
    expect(denied?.status).toBe(403)
    expect(denied?.headers).toMatchObject({ 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' })
    expect(await bodyOf(denied)).toMatchObject({ type: 'urn:agent-tasks:error:agent_action_forbidden', code: 'agent_action_forbidden', status: 403 })
    expect((await bodyOf(denied)).approval).toBeUndefined()
    expect((await kit.guard(as(auth), { method: 'GET', path: '/api/agent-tasks/approvals', ...json }))?.status).toBe(403)
    expect(refused[0]).toMatchObject({
      code: 'agent_action_forbidden',
      effect: 'deny',
      reason: 'rule',
      method: 'GET',
      path: '/admin/users',
      rule: { source: 'default-policy', index: 0 },
      userId,
      sessionId: auth.sessionId,
      agentTaskId: task.agentTaskId,
    })
    const { context: _context, ...event } = refused[0] as AgentActionRefusedEvent<TestNative>
    expect(JSON.stringify(event)).not.toContain(task.url)
    expect(JSON.stringify(event)).not.toContain('secret')
  })

  it('read-only: reads pass, a write is refused; a page navigation gets a small HTML page', async () => {
    const { kit } = setup()
    const { auth } = await agentSession(kit, newUser(), { scope: 'read-only' })
    expect(await kit.guard(as(auth), { method: 'GET', path: '/dashboard', ...json })).toBeUndefined()
    const write = await kit.guard(as(auth), { method: 'POST', path: '/dashboard', ...json })
    expect(write?.status).toBe(403)
    expect((await bodyOf(write)).detail).toContain('"read-only"')
    const page = await kit.guardWeb(as(auth), request('/admin/<script>', { headers: { Accept: 'text/html,application/xhtml+xml' } }))
    expect(page?.status).toBe(403)
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page?.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(page?.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page?.headers.get('cache-control')).toBe('no-store')
    const html = (await page?.text()) ?? ''
    expect(html).toContain('Agents may not do this')
    expect(html).toContain('GET /admin/%3Cscript%3E')
    expect(html).not.toContain('<script>')
  })

  it('a scoped link whose session the ledger has not learned yet: learned from Clerk once, then its scope holds', async () => {
    const { kit, links } = setup()
    const userId = newUser()
    const { task, auth } = await agentSession(kit, userId, { scope: 'reports' })
    // No task ID hint in the token: only the session ID ties it to its link.
    const plain = { ...auth, actor: { type: 'agent', sub: auth.actor?.sub } }
    expect(await kit.store.get(task.agentTaskId)).toMatchObject({ status: 'pending' })
    expect(await kit.guard(as(plain), { method: 'GET', path: '/reports/q1', ...json })).toBeUndefined()
    expect((await kit.guard(as(plain), { method: 'GET', path: '/dashboard', ...json }))?.status).toBe(403)
    expect(await kit.store.findBySession?.(auth.sessionId as string)).toMatchObject({ agentTaskId: task.agentTaskId, status: 'used' })
    links.calls.length = 0
    expect(await kit.guard(as(plain), { method: 'GET', path: '/reports/q2', ...json })).toBeUndefined()
    expect(links.calls).toEqual([]) // cached by the session-link cache
  })

  it('an agent session no link opened gets the default policy, or nothing with unplacedAgentSessions: deny', async () => {
    const userId = newUser()
    const { sessionId } = await emulator.signIn(userId, { actor: { type: 'agent', sub: 'agent_elsewhere' } })
    const auth = { userId, sessionId, actor: { type: 'agent', sub: 'agent_elsewhere' } }
    const lenient = setup().kit
    expect(await lenient.guard(as(auth), { method: 'POST', path: '/dashboard', ...json })).toBeUndefined()
    expect((await lenient.guard(as(auth), { method: 'GET', path: '/admin', ...json }))?.status).toBe(403)
    const strict = setup({ policy: { scopes, defaultPolicy, unplacedAgentSessions: 'deny' } }).kit
    const refused = await strict.guard(as(auth), { method: 'GET', path: '/dashboard', ...json })
    expect(refused?.status).toBe(403)
    expect((await bodyOf(refused)).detail).toContain('not tied to a known link')
  })

  it('fails closed: 503 store_unavailable when the store or Clerk fails', async () => {
    const userId = newUser()
    const { sessionId } = await emulator.signIn(userId, { actor: { type: 'agent', sub: 'agent_x' } })
    const auth = { userId, sessionId, actor: { type: 'agent', sub: 'agent_x' } }
    emulator.faults.add({ path: '/v1/sessions', status: 500 })
    const { kit, refused } = setup()
    const clerkDown = await kit.guard(as(auth), { method: 'GET', path: '/dashboard', ...json })
    expect(clerkDown?.status).toBe(503)
    expect(await bodyOf(clerkDown)).toMatchObject({ code: 'store_unavailable' })
    expect(refused[0]).toMatchObject({ code: 'store_unavailable', status: 503, effect: 'unavailable' })
    emulator.faults.clear()

    const down = createMemoryStore()
    down.findBySession = async () => {
      throw new AgentTaskError('store_unavailable', 'Redis failed')
    }
    const storeDown = setup({ store: down }).kit
    const page = await storeDown.guardWeb(as(auth), request('/dashboard', { headers: { Accept: 'text/html' } }))
    expect(page?.status).toBe(503)
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('answers 500 with the adapter’s fix when the framework’s Clerk middleware did not run', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const { kit } = setup()
      const response = await kit.guard(as(undefined as unknown as AgentTasksAuth), { method: 'GET', path: '/' })
      expect(response?.status).toBe(500)
    } finally {
      errors.mockRestore()
    }
  })
})

describe('asking the person', () => {
  const post = (path: string) => request(path, { method: 'POST', body: '{}' })

  it('ask → approval reference → the person approves on the contract route → the retry passes, a write once', async () => {
    const approved: string[] = []
    const { kit } = setup({ policy: { scopes, defaultPolicy }, hooks: { onApprovalDecided: (event) => void approved.push(event.request.id) } })
    const userId = newUser()
    const { auth } = await agentSession(kit, userId)
    const asked = await kit.guard(as(auth), { method: 'POST', path: '/api/billing/card', ...json })
    expect(asked?.status).toBe(403)
    const { approval } = await bodyOf(asked)
    expect(approval).toMatchObject({ id: expect.stringMatching(/^apr_[0-9a-f]{32}$/), status: 'pending' })
    // Asking again finds the same request.
    expect((await bodyOf(await kit.guard(as(auth), { method: 'POST', path: '/api/billing/card/', ...json }))).approval.id).toBe(approval.id)

    const person = as({ userId, sessionId: 'sess_person' })
    const pending = await kit.respondWeb(person, request('/approvals'), '/approvals')
    expect(pending.status).toBe(200)
    expect((await pending.json()).data).toEqual([expect.objectContaining({ id: approval.id, method: 'POST', path: '/api/billing/card', status: 'pending' })])

    // The agent cannot approve itself, even where agent sessions may use the API.
    const byAgent = await kit.respondWeb(as(auth), post(`/approvals/${approval.id}/approve`), `/approvals/${approval.id}/approve`)
    expect(byAgent.status).toBe(403)
    const lenient = setup({ allowAgentSessions: true, approvals: { store: createMemoryApprovalStore() } }).kit
    expect(await rejection(lenient.approvals.approve(as(auth), approval.id))).toMatchObject({ code: 'agent_session_forbidden' })
    // Cross-origin is refused as on the other routes.
    const crossOrigin = await kit.respondWeb(person, request(`/approvals/${approval.id}/approve`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' } }), `/approvals/${approval.id}/approve`)
    expect(crossOrigin.status).toBe(403)
    // Another user sees no such request.
    expect(await rejection(kit.approvals.approve(as({ userId: newUser() }), approval.id))).toMatchObject({ code: 'approval_not_found', status: 404 })

    const yes = await kit.respondWeb(person, post(`/approvals/${approval.id}/approve`), `/approvals/${approval.id}/approve`)
    expect(yes.status).toBe(200)
    expect(await yes.json()).toMatchObject({ message: 'Approved', approval: { id: approval.id, status: 'approved' } })
    expect(approved).toEqual([approval.id])
    const again = await kit.respondWeb(person, post(`/approvals/${approval.id}/approve`), `/approvals/${approval.id}/approve`)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'approval_already_decided' })

    expect(await kit.guard(as(auth), { method: 'POST', path: '/api/billing/card', ...json })).toBeUndefined()
    const second = await kit.guard(as(auth), { method: 'POST', path: '/api/billing/card', ...json })
    expect(second?.status).toBe(403)
    expect((await bodyOf(second)).approval.id).not.toBe(approval.id)
  })

  it('a read approved programmatically passes until it expires; declined and expired requests are answered 409', async () => {
    const { kit } = setup({ policy: { scopes, defaultPolicy, approvalRequestTtlSeconds: 1 } })
    const userId = newUser()
    const { auth } = await agentSession(kit, userId)
    const person = as({ userId, sessionId: 'sess_person' })
    const page = await kit.guardWeb(as(auth), request('/billing', { headers: { Accept: 'text/html' } }))
    expect(page?.status).toBe(403)
    const [request1] = await kit.approvals.list(person)
    expect(await page?.text()).toContain(request1?.id)
    await kit.approvals.approve(person, request1?.id as string)
    for (let i = 0; i < 3; i++) expect(await kit.guard(as(auth), { method: 'GET', path: '/billing', accept: 'text/html' })).toBeUndefined()

    const write = await bodyOf(await kit.guard(as(auth), { method: 'DELETE', path: '/billing', ...json }))
    const declined = await kit.respondWeb(person, post(`/approvals/${write.approval.id}/decline`), `/approvals/${write.approval.id}/decline`)
    expect(await declined.json()).toMatchObject({ message: 'Declined', approval: { status: 'declined' } })
    expect(await rejection(kit.approvals.approve(person, write.approval.id))).toMatchObject({ code: 'approval_already_decided', status: 409 })

    const late = await bodyOf(await kit.guard(as(auth), { method: 'PUT', path: '/billing', ...json }))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await kit.approvals.list(person)).toEqual([])
    expect(await rejection(kit.approvals.approve(person, late.approval.id))).toMatchObject({ code: 'approval_expired', status: 409 })
    const malformed = await kit.respondWeb(person, post('/approvals/nope/approve'), '/approvals/nope/approve')
    expect(await malformed.json()).toMatchObject({ code: 'invalid_request', errors: [{ field: 'approvalId' }] })
    expect((await kit.respondWeb(person, post('/approvals'), '/approvals')).status).toBe(405)
  })

  it('the approvals API of a current-request instance takes no request', async () => {
    const { kit } = setup()
    const userId = newUser()
    let current: TestNative | undefined
    const instance = kit.currentRequestInstance((method) => {
      if (current === undefined) throw new AgentTaskError('misconfigured', `agentTasks.${method}() runs inside a request.`)
      return current
    }, {})
    expect(await rejection(instance.approvals.list())).toMatchObject({ message: 'agentTasks.approvals.list() runs inside a request.' })
    current = as({ userId })
    expect(await instance.approvals.list()).toEqual([])
  })
})
