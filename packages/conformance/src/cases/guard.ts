import { expect, it } from 'vitest'
import { type CallOptions, type CallResult, call } from '../client.js'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'
import { guardedRoutes } from '../fixture.js'

let users = 0

const json: CallOptions = { method: 'GET' }
const page: CallOptions = { method: 'GET', headers: { Accept: 'text/html,application/xhtml+xml' } }

/** A user of the case's own (its links, sessions and approvals start empty), with a bearer token. */
async function freshPerson(c: SuiteContext): Promise<{ id: string; token: string }> {
  const user = c.emulator.users.create({ email: `guarded-${++users}-${Date.now()}@example.com`, firstName: 'Guarded' })
  const { token } = await c.emulator.signIn(user.id)
  return { id: user.id, token }
}

/** A fresh token of an active session, as Clerk's Backend API mints it. */
async function sessionToken(c: SuiteContext, sessionId: string): Promise<string> {
  const response = await fetch(`${c.emulator.apiUrl}/v1/sessions/${sessionId}/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${c.emulator.secretKey}`, 'Content-Type': 'application/json' },
    body: '{}',
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { jwt: string }).jwt
}

/** Mints a link through the contract, follows it (Clerk opens the agent's session) and returns that session's token. */
async function agentOf(c: SuiteContext, person: { token: string }, input: { scope?: string } = {}): Promise<string> {
  const minted = await c.request(c.app, '', { bearer: person.token, json: input })
  expect(minted.status, minted.text).toBe(201)
  const { agentTask } = minted.body
  expect((await fetch(agentTask.url, { redirect: 'manual' })).status).toBe(307)
  const session = c.emulator.state.sessions().find((s) => s.agentTaskId === agentTask.agentTaskId)
  if (!session) throw new Error('the emulator opened no session for the link')
  return sessionToken(c, session.id)
}

/** A request to one of the app's own routes (not the adapter's: the hygiene case does not see them). */
const at = (c: SuiteContext, path: string, options: CallOptions): Promise<CallResult> => call(`${c.app.origin}${path}`, { method: 'POST', ...options })

function expectPassed(result: CallResult, route: string): void {
  expect(result.status, result.text).toBe(200)
  expect(result.body).toEqual({ route })
}

function expectRefusal(result: CallResult, status = 403, code = 'agent_action_forbidden'): void {
  expectProblem(result, status, code)
  expect(result.headers.get('cache-control')).toBe('no-store')
}

/**
 * `agentTasks.guard`, mounted app-wide after the framework's Clerk middleware: what an agent session
 * may do in the app's own routes (the built-in default policy, a link's scope, the person's approval),
 * and that a person's requests pass untouched.
 */
export function guardCases(ctx: () => SuiteContext): void {
  it('lets a person’s requests through untouched, billing included', async () => {
    const c = ctx()
    const person = await freshPerson(c)
    expectPassed(await at(c, guardedRoutes.billingApi, { ...json, bearer: person.token }), 'billing')
    const billing = await at(c, guardedRoutes.billingPage, { ...page, bearer: person.token })
    expect(billing.status, billing.text).toBe(200)
    expect(billing.text).toContain('<h1>Billing</h1>')
    expectPassed(await at(c, guardedRoutes.reports, { bearer: person.token, json: {} }), 'reports')
    expectPassed(await at(c, guardedRoutes.reports, { ...json }), 'reports') // signed out: the app's to decide
  })

  it('an unscoped link’s agent: allowed where the default policy says nothing, refused on billing (problem or page) and on the agent-tasks routes', async () => {
    const c = ctx()
    const agent = await agentOf(c, await freshPerson(c))
    expectPassed(await at(c, guardedRoutes.reports, { ...json, bearer: agent }), 'reports')
    expectPassed(await at(c, guardedRoutes.reports, { bearer: agent, json: {} }), 'reports')

    const api = await at(c, guardedRoutes.billingApi, { ...json, bearer: agent })
    expectRefusal(api)
    expect(api.body.approval).toMatchObject({ id: expect.stringMatching(/^apr_[0-9a-f]{32}$/), status: 'pending' })

    const navigation = await at(c, guardedRoutes.billingPage, { ...page, bearer: agent })
    expect(navigation.status, navigation.text).toBe(403)
    expect(navigation.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(navigation.headers.get('cache-control')).toBe('no-store')
    expect(navigation.text).toContain('Agents may not do this')
    expect(navigation.text).toContain('GET /billing')

    // The agent-tasks routes are always denied to agents, by the guard before the contract sees them.
    expectRefusal(await c.request(c.app, '', { bearer: agent, json: {} }))
  })

  it('a read-only link’s agent reads, and is refused a write', async () => {
    const c = ctx()
    const agent = await agentOf(c, await freshPerson(c), { scope: 'read-only' })
    expectPassed(await at(c, guardedRoutes.reports, { ...json, bearer: agent }), 'reports')
    const write = await at(c, guardedRoutes.reports, { bearer: agent, json: {} })
    expectRefusal(write)
    expect(write.body.detail).toContain('"read-only"')
  })

  it('an agent session no link opened gets the default policy', async () => {
    const c = ctx()
    const person = await freshPerson(c)
    const { token } = await c.emulator.signIn(person.id, { actor: { type: 'agent', sub: 'agt_unplaced' } })
    expectPassed(await at(c, guardedRoutes.reports, { bearer: token, json: {} }), 'reports')
    expectRefusal(await at(c, guardedRoutes.billingApi, { ...json, bearer: token }))
  })

  it('asks the person: approved on the contract route, the agent’s retry passes; declined, it stays refused', async () => {
    const c = ctx()
    const person = await freshPerson(c)
    const agent = await agentOf(c, person)
    const asked = await at(c, guardedRoutes.billingApi, { ...json, bearer: agent })
    expectRefusal(asked)
    const { id } = asked.body.approval

    const pending = await c.request(c.app, '/approvals', { method: 'GET', bearer: person.token })
    expect(pending.status, pending.text).toBe(200)
    expect(pending.body.data).toEqual([expect.objectContaining({ id, method: 'GET', path: guardedRoutes.billingApi, status: 'pending' })])
    // The agent cannot answer its own request.
    expectRefusal(await c.request(c.app, `/approvals/${id}/approve`, { bearer: agent }))
    const approved = await c.request(c.app, `/approvals/${id}/approve`, { bearer: person.token })
    expect(approved.status, approved.text).toBe(200)
    expect(approved.body).toMatchObject({ approval: { id, status: 'approved' } })
    expectPassed(await at(c, guardedRoutes.billingApi, { ...json, bearer: agent }), 'billing')

    const page = await at(c, guardedRoutes.billingPage, { method: 'GET', headers: { Accept: 'application/json' }, bearer: agent })
    expectRefusal(page)
    const declined = await c.request(c.app, `/approvals/${page.body.approval.id}/decline`, { bearer: person.token })
    expect(declined.status, declined.text).toBe(200)
    expect(declined.body).toMatchObject({ approval: { status: 'declined' } })
    expectRefusal(await at(c, guardedRoutes.billingPage, { method: 'GET', headers: { Accept: 'application/json' }, bearer: agent }))
  })

  it('fails closed: 503 store_unavailable when the session cannot be placed because Clerk is down', async () => {
    const c = ctx()
    const person = await freshPerson(c)
    const { token } = await c.emulator.signIn(person.id, { actor: { type: 'agent', sub: 'agt_unreachable' } })
    c.emulator.faults.add({ path: '/v1/sessions', status: 500 })
    try {
      expectRefusal(await at(c, guardedRoutes.reports, { ...json, bearer: token }), 503, 'store_unavailable')
    } finally {
      c.emulator.faults.clear()
    }
  })
}
