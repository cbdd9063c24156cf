import { expect, it } from 'vitest'
import type { SuiteContext, SuiteUser } from '../context.js'
import { expectProblem } from '../expect-problem.js'
import { AGENT_FRIENDLY_LIMITS } from '../profiles.js'

let users = 0

/** A user of the case's own, signed in with a bearer token: its links, sessions and limits start empty. */
async function freshUser(c: SuiteContext, name: string): Promise<SuiteUser> {
  const email = `${name}-${++users}-${Date.now()}@example.com`
  const user = c.emulator.users.create({ email, firstName: name })
  const { token } = await c.emulator.signIn(user.id)
  return { id: user.id, email, token, cookies: '' }
}

const use = async (url: string) => expect((await fetch(url, { redirect: 'manual' })).status).toBe(307)

/** The ledger (list), the kill switch (revoke-all) and the mint limits, through the HTTP contract and the programmatic API. */
export function ledgerCases(ctx: () => SuiteContext): void {
  it('GET lists the caller’s links newest first: a used one with its active session, never a link', async () => {
    const c = ctx()
    const user = await freshUser(c, 'lister')
    const first = await c.request(c.app, '', { bearer: user.token, json: { taskDescription: 'first' } })
    const second = await c.request(c.app, '', { bearer: user.token, json: { taskDescription: 'second' } })
    await use(first.body.agentTask.url)
    const listed = await c.request(c.app, '', { method: 'GET', bearer: user.token })
    expect(listed.status, listed.text).toBe(200)
    expect(listed.headers.get('cache-control')).toBe('no-store')
    expect(listed.body.nextCursor).toBeNull()
    expect(listed.body.data).toMatchObject([
      { agentTaskId: second.body.agentTask.agentTaskId, status: 'pending', taskDescription: 'second' },
      { agentTaskId: first.body.agentTask.agentTaskId, status: 'used', sessions: [{ status: 'active' }] },
    ])
    expect(listed.text).not.toContain(first.body.agentTask.url)
    const others = await c.request(c.app, '', { method: 'GET', bearer: c.bob.token })
    expect(JSON.stringify(others.body.data)).not.toContain(first.body.agentTask.agentTaskId)
  })

  it('GET pages with limit and cursor, filters by status, and answers 400 naming bad fields without calling Clerk', async () => {
    const c = ctx()
    const user = await freshUser(c, 'pager')
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push((await c.request(c.app, '', { bearer: user.token })).body.agentTask.agentTaskId)
    await c.request(c.app, `/${ids[0]}/revoke`, { bearer: user.token })
    const page = await c.request(c.app, '?limit=2', { method: 'GET', bearer: user.token })
    expect(page.body.data.map((r: { agentTaskId: string }) => r.agentTaskId)).toEqual([ids[2], ids[1]])
    const next = await c.request(c.app, `?limit=2&cursor=${page.body.nextCursor}`, { method: 'GET', bearer: user.token })
    expect(next.body).toMatchObject({ data: [{ agentTaskId: ids[0], status: 'revoked' }], nextCursor: null })
    const revoked = await c.request(c.app, '?status=revoked', { method: 'GET', bearer: user.token })
    expect(revoked.body.data.map((r: { agentTaskId: string }) => r.agentTaskId)).toEqual([ids[0]])
    const before = c.emulator.state.requests().length
    const bad = await c.request(c.app, '?status=gone&limit=0&cursor=x', { method: 'GET', bearer: user.token })
    expectProblem(bad, 400, 'invalid_request', ['cursor', 'limit', 'status'])
    expect(c.emulator.state.requests().length).toBe(before)
  })

  it('GET is signed-in and same-origin only, like the writes', async () => {
    const c = ctx()
    expectProblem(await c.request(c.app, '', { method: 'GET' }), 401, 'unauthenticated')
    expectProblem(await c.request(c.app, '', { method: 'GET', cookies: c.ada.cookies, origin: 'https://evil.example' }), 403, 'cross_origin_request')
    const sameOrigin = await c.request(c.app, '', { method: 'GET', cookies: c.ada.cookies, secFetchSite: 'same-origin' })
    expect(sameOrigin.status, sameOrigin.text).toBe(200)
    // Refused by the app's guard on the agent-tasks routes (the contract would say `agent_session_forbidden`).
    expectProblem(await c.request(c.app, '', { method: 'GET', bearer: c.adaAgentToken }), 403, 'agent_action_forbidden')
    expectProblem(await c.request(c.app, '/revoke-all', { bearer: c.adaAgentToken }), 403, 'agent_action_forbidden')
  })

  it('POST /revoke-all revokes pending links and ends every agent session, minted here or elsewhere, counted', async () => {
    const c = ctx()
    const user = await freshUser(c, 'killer')
    const pending = (await c.request(c.app, '', { bearer: user.token })).body.agentTask
    const used = (await c.request(c.app, '', { bearer: user.token })).body.agentTask
    await use(used.url)
    const elsewhere = await c.emulator.signIn(user.id, { actor: { type: 'agent', sub: 'agt_dashboard' } })
    const result = await c.request(c.app, '/revoke-all', { bearer: user.token })
    expect(result.status, result.text).toBe(200)
    expect(result.body).toMatchObject({ message: 'Agent access ended', revokedAgentTasks: 1, endedSessions: 2, revokedAgentTaskIds: [pending.agentTaskId] })
    const sessions = c.emulator.state.sessions()
    expect(sessions.find((s) => s.id === elsewhere.sessionId)?.status).toBe('revoked')
    expect(sessions.find((s) => s.agentTaskId === used.agentTaskId)?.status).toBe('revoked')
    expect(sessions.filter((s) => s.userId === user.id && s.actor === null).every((s) => s.status === 'active')).toBe(true)
    expect((await fetch(pending.url, { redirect: 'manual' })).status).toBe(400)
    expect(c.events.filter((e) => e.hook === 'onSessionEnded' && e.event.userId === user.id)).toHaveLength(2)
    expectProblem(await c.request(c.app, '/revoke-all', { bearer: user.token, json: { userId: c.ada.id } }), 403, 'on_behalf_of_forbidden')
  })

  it('the programmatic list and revokeAll share the instance’s records', async () => {
    const c = ctx()
    const user = await freshUser(c, 'programmatic')
    const minted = (await c.request(c.app, '', { bearer: user.token })).body.agentTask
    const records = await c.requestAt(c.app, `${c.app.programmaticPath}/records`, { method: 'GET', bearer: user.token })
    expect(records.body.records).toMatchObject([{ agentTaskId: minted.agentTaskId, status: 'pending' }])
    const ended = await c.requestAt(c.app, `${c.app.programmaticPath}/revoke-all`, { bearer: user.token })
    expect(ended.status, ended.text).toBe(200)
    expect(ended.body).toMatchObject({ userId: user.id, revokedAgentTaskIds: [minted.agentTaskId], endedSessionIds: [] })
  })

  it('limits unused links per user: 429 before Clerk is called, room again after a revoke', async () => {
    const c = ctx()
    const user = await freshUser(c, 'hoarder')
    const { maxPending } = AGENT_FRIENDLY_LIMITS
    const minted = await Promise.all(Array.from({ length: maxPending }, () => c.request(c.agentFriendlyApp, '', { bearer: user.token })))
    expect(minted.map((result) => result.status)).toEqual(minted.map(() => 201))
    const ids: string[] = minted.map((result) => result.body.agentTask.agentTaskId)
    const mints = () => c.emulator.state.requests().filter((r) => r.method === 'POST' && r.path === '/v1/agents/tasks').length
    const before = mints()
    const refused = await c.request(c.agentFriendlyApp, '', { bearer: user.token })
    expectProblem(refused, 429, 'too_many_pending_links')
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(mints()).toBe(before)
    expect((await c.request(c.agentFriendlyApp, `/${ids[0]}/revoke`, { bearer: user.token })).status).toBe(200)
    expect((await c.request(c.agentFriendlyApp, '', { bearer: user.token })).status).toBe(201)
  })

  it('limits the mint rate per user: 429 with Retry-After and RateLimit headers, before Clerk is called', async () => {
    const c = ctx()
    const user = await freshUser(c, 'rusher')
    const { mints, windowSeconds } = AGENT_FRIENDLY_LIMITS.rate
    const remaining: number[] = []
    // Rounds of 10 concurrent mints, each followed by "end all" so the pending limit never binds.
    for (let round = 0; round < mints / 10; round++) {
      const minted = await Promise.all(Array.from({ length: 10 }, () => c.request(c.agentFriendlyApp, '', { bearer: user.token })))
      for (const result of minted) {
        expect(result.status, result.text).toBe(201)
        expect(result.headers.get('ratelimit-policy')).toBe(`"mint";q=${mints};w=${windowSeconds}`)
        const match = /^"mint";r=(\d+);t=\d+$/.exec(result.headers.get('ratelimit') ?? '')
        expect(match, result.headers.get('ratelimit') ?? 'no RateLimit header').not.toBeNull()
        remaining.push(Number(match?.[1]))
      }
      expect((await c.request(c.agentFriendlyApp, '/revoke-all', { bearer: user.token })).status).toBe(200)
    }
    // Counted exactly, one per request, however concurrent.
    expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: mints }, (_, i) => i))
    const before = c.emulator.state.requests().length
    const limited = await c.request(c.agentFriendlyApp, '', { bearer: user.token })
    expectProblem(limited, 429, 'rate_limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.headers.get('ratelimit')).toMatch(/^"mint";r=0;t=\d+$/)
    expect(c.emulator.state.requests().length).toBe(before)
    expect((await c.request(c.agentFriendlyApp, '', { bearer: c.bob.token })).status).toBe(201)
  })
}
