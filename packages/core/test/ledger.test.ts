import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type AgentTasksOptions, createAgentTasks } from '../src/index.js'
import { rejection } from './rejection.js'

let emulator: Emulator
let ada: string
let bob: string
let carol: string
const origin = 'https://app.example'

beforeAll(async () => {
  emulator = await startEmulator({
    users: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }, { email: 'carol@example.com' }],
    rateLimit: false,
    allowedRedirectOrigins: [origin],
  })
  ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
  bob = emulator.users.findByEmail('bob@example.com')?.id ?? ''
  carol = emulator.users.findByEmail('carol@example.com')?.id ?? ''
})
afterAll(() => emulator.close())
afterEach(() => emulator.faults.clear())

function setup(options: Partial<AgentTasksOptions<unknown>> = {}) {
  return createAgentTasks<unknown>({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl, ...options })
}

const as = (userId: string) => ({ auth: { userId }, context: undefined, origin })


const sessionOf = (agentTaskId: string) => emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)
const clerkCalls = () => emulator.state.requests().filter((r) => r.path.startsWith('/v1/')).length
const use = async (url: string) => expect((await fetch(url, { redirect: 'manual' })).status).toBe(307)

describe('ledger: status from Clerk’s sessions', () => {
  it('lists the caller’s links newest first, a used one with its active session', async () => {
    const agentTasks = setup()
    const first = await agentTasks.create({ taskDescription: 'first' }, as(carol))
    const second = await agentTasks.create({ taskDescription: 'second' }, as(carol))
    await agentTasks.create({ taskDescription: 'bob’s' }, as(bob))
    await use(first.url)
    const page = await agentTasks.list(undefined, as(carol))
    expect(page.data.map((r) => r.agentTaskId)).toEqual([second.agentTaskId, first.agentTaskId])
    expect(page.data[1]).toMatchObject({
      status: 'used',
      usedAt: expect.any(String),
      sessions: [{ sessionId: sessionOf(first.agentTaskId)?.id, status: 'active' }],
    })
    expect(page.data[0]).toMatchObject({ status: 'pending' })
    expect(page.nextCursor).toBeNull()
    expect(JSON.stringify(page)).not.toContain(first.url)
  })

  it('pages with a cursor and filters by status', async () => {
    const agentTasks = setup()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await agentTasks.create({}, as(bob))).agentTaskId)
    await agentTasks.revoke(ids[0] as string, as(bob))
    const first = await agentTasks.list({ limit: 2 }, as(bob))
    expect(first.data.map((r) => r.agentTaskId)).toEqual([ids[4], ids[3]])
    const second = await agentTasks.list({ limit: 2, cursor: first.nextCursor as string }, as(bob))
    expect(second.data.map((r) => r.agentTaskId)).toEqual([ids[2], ids[1]])
    const third = await agentTasks.list({ limit: 2, cursor: second.nextCursor as string }, as(bob))
    expect(third.data.map((r) => r.agentTaskId)).toEqual([ids[0]])
    expect(third.nextCursor).toBeNull()
    expect((await agentTasks.list({ status: 'revoked' }, as(bob))).data.map((r) => r.agentTaskId)).toEqual([ids[0]])
  })

  it('refuses a bad query with 400 naming each field, before calling Clerk', async () => {
    const agentTasks = setup()
    const before = clerkCalls()
    const error = await rejection(agentTasks.list({ status: 'gone' as never, limit: 500, cursor: 'nope' }, as(ada)))
    expect(error.code).toBe('invalid_request')
    expect(error.fields.map((f) => f.field).sort()).toEqual(['cursor', 'limit', 'status'])
    expect(clerkCalls()).toBe(before)
  })

  it('shows another user’s links only when authorize allows', async () => {
    const agentTasks = setup({ authorize: ({ action, auth }) => action === 'list' && auth.userId === bob })
    const task = await agentTasks.create({}, as(ada))
    expect((await rejection(agentTasks.list({ userId: ada }, as(carol)))).code).toBe('on_behalf_of_forbidden')
    expect((await agentTasks.list({ userId: ada }, as(bob))).data.map((r) => r.agentTaskId)).toContain(task.agentTaskId)
  })

  it('learns a link minted for an email was used, through the user Clerk finds for it', async () => {
    const agentTasks = setup({ authorize: () => true })
    const task = await agentTasks.create({ onBehalfOf: { identifier: 'bob@example.com' } }, as(ada))
    await use(task.url)
    const [listed] = (await agentTasks.list({ limit: 1 }, as(ada))).data
    expect(listed).toMatchObject({ agentTaskId: task.agentTaskId, status: 'used', subjectUserId: bob })
  })

  it('expires a link left unused past its lifetime: revoked in Clerk, so it no longer signs in', async () => {
    const revoked: string[] = []
    const agentTasks = setup({ linkLifetimeSeconds: 1, hooks: { onRevoked: ({ record }) => void revoked.push(record.status) } })
    const task = await agentTasks.create({}, as(ada))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const [listed] = (await agentTasks.list({ limit: 1 }, as(ada))).data
    expect(listed).toMatchObject({ agentTaskId: task.agentTaskId, status: 'expired', revokedAt: expect.any(String) })
    expect(revoked).toEqual(['expired'])
    expect(emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)?.status).toBe('revoked')
    expect((await fetch(task.url, { redirect: 'manual' })).status).toBe(400)
    expect((await rejection(agentTasks.revoke(task.agentTaskId, as(ada)))).code).toBe('agent_task_already_revoked')
  })

  it('answers a list with a 502 when Clerk fails, and keeps the records', async () => {
    const agentTasks = setup()
    const task = await agentTasks.create({}, as(ada))
    emulator.faults.add({ path: '/v1/sessions', status: 500 })
    expect((await rejection(agentTasks.list(undefined, as(ada)))).code).toBe('upstream_error')
    emulator.faults.clear()
    expect((await agentTasks.list(undefined, as(ada))).data[0]).toMatchObject({ agentTaskId: task.agentTaskId, status: 'pending' })
  })
})

describe('kill switch', () => {
  it('revoking a used link ends the session it opened; a second revoke is 409', async () => {
    const ended: Array<{ sessionId: string; agentTaskId: string | undefined }> = []
    const agentTasks = setup({ hooks: { onSessionEnded: ({ sessionId, agentTaskId }) => void ended.push({ sessionId, agentTaskId }) } })
    const task = await agentTasks.create({}, as(ada))
    await use(task.url)
    const session = sessionOf(task.agentTaskId)
    expect(session?.status).toBe('active')
    const record = await agentTasks.revoke(task.agentTaskId, as(ada))
    expect(record).toMatchObject({ status: 'used', sessions: [{ sessionId: session?.id, status: 'revoked' }] })
    expect(sessionOf(task.agentTaskId)?.status).toBe('revoked')
    expect(ended).toEqual([{ sessionId: session?.id, agentTaskId: task.agentTaskId }])
    expect((await rejection(agentTasks.revoke(task.agentTaskId, as(ada)))).code).toBe('agent_session_already_ended')
  })

  it('“end all agent access” revokes pending links and ends agent sessions minted anywhere, counted', async () => {
    const sessionEvents: string[] = []
    const agentTasks = setup({ authorize: () => true, hooks: { onSessionEnded: ({ sessionId }) => void sessionEvents.push(sessionId) } })
    const elsewhereUser = emulator.users.create({ email: `dave-${Date.now()}@example.com` })
    const dave = elsewhereUser.id
    const pending = await agentTasks.create({}, as(dave))
    const used = await agentTasks.create({}, as(dave))
    await use(used.url)
    const forBob = await agentTasks.create({ onBehalfOf: { userId: bob } }, as(dave))
    await use(forBob.url)
    const fromDashboard = await emulator.signIn(dave, { actor: { type: 'agent', sub: 'agt_dashboard' } })
    const human = await emulator.signIn(dave)

    const result = await agentTasks.revokeAll(as(dave))
    expect(result.revokedAgentTaskIds).toEqual([pending.agentTaskId])
    expect(result.endedSessionIds.sort()).toEqual(
      [sessionOf(used.agentTaskId)?.id, sessionOf(forBob.agentTaskId)?.id, fromDashboard.sessionId].sort(),
    )
    expect(sessionEvents.sort()).toEqual(result.endedSessionIds.sort())
    const sessions = emulator.state.sessions()
    expect(sessions.find((s) => s.id === human.sessionId)?.status).toBe('active')
    expect(sessions.find((s) => s.id === fromDashboard.sessionId)?.status).toBe('revoked')
    expect(emulator.state.agentTasks().find((t) => t.id === pending.agentTaskId)?.status).toBe('revoked')
    expect((await agentTasks.store.get(used.agentTaskId))?.sessions).toEqual([expect.objectContaining({ status: 'revoked' })])
    expect(await agentTasks.revokeAll(as(dave))).toMatchObject({ revokedAgentTaskIds: [], endedSessionIds: [] })
  })

  it('ends another user’s agent access only when authorize allows', async () => {
    const agentTasks = setup({ authorize: ({ action, auth }) => action === 'revoke-all' && auth.userId === bob })
    expect((await rejection(agentTasks.revokeAll(as(carol), ada))).code).toBe('on_behalf_of_forbidden')
    await expect(agentTasks.revokeAll(as(bob), ada)).resolves.toMatchObject({ userId: ada })
  })

  it('refuses agent sessions unless allowAgentSessions', async () => {
    const agentTasks = setup()
    const agent = { auth: { userId: ada, actor: { type: 'agent' } }, context: undefined }
    expect((await rejection(agentTasks.list(undefined, agent))).code).toBe('agent_session_forbidden')
    expect((await rejection(agentTasks.revokeAll(agent))).code).toBe('agent_session_forbidden')
  })
})

describe('limits', () => {
  it('rate: past the limit, 429 with Retry-After and RateLimit headers, and Clerk is not called', async () => {
    const agentTasks = setup({ limits: { rate: { mints: 3, windowSeconds: 60 }, maxPending: false } })
    const user = emulator.users.create({ email: `rate-${Date.now()}@example.com` }).id
    for (let i = 0; i < 3; i++) await agentTasks.create({}, as(user))
    const before = clerkCalls()
    const error = await rejection(agentTasks.create({}, as(user)))
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 })
    expect(error.retryAfterSeconds).toBeGreaterThan(0)
    expect(error.headers).toMatchObject({ 'RateLimit-Policy': '"mint";q=3;w=60', RateLimit: expect.stringMatching(/^"mint";r=0;t=\d+$/) })
    expect(clerkCalls()).toBe(before)
    await agentTasks.create({}, as(ada)) // per user
  })

  it('maxPending: 429 past the limit; room again once a link is revoked or found used', async () => {
    const agentTasks = setup({ limits: { rate: false, maxPending: 2 } })
    const user = emulator.users.create({ email: `pending-${Date.now()}@example.com` }).id
    const first = await agentTasks.create({}, as(user))
    const second = await agentTasks.create({}, as(user))
    const before = emulator.state.requests().filter((r) => r.method === 'POST' && r.path === '/v1/agents/tasks').length
    expect((await rejection(agentTasks.create({}, as(user)))).code).toBe('too_many_pending_links')
    expect(emulator.state.requests().filter((r) => r.method === 'POST' && r.path === '/v1/agents/tasks').length).toBe(before)
    await agentTasks.revoke(first.agentTaskId, as(user))
    await agentTasks.create({}, as(user))
    await use(second.url) // the store still says pending: the limit asks Clerk before refusing
    await agentTasks.create({}, as(user))
    expect((await rejection(agentTasks.create({}, as(user)))).code).toBe('too_many_pending_links')
  })

  it('concurrent mints never exceed maxPending: the extra links are revoked, not left behind', async () => {
    const agentTasks = setup({ limits: { rate: false, maxPending: 3 } })
    const user = emulator.users.create({ email: `race-${Date.now()}@example.com` }).id
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => agentTasks.create({}, as(user))))
    const created = results.filter((r) => r.status === 'fulfilled')
    expect(created).toHaveLength(3)
    const minted = emulator.state.agentTasks().filter((t) => t.userId === user)
    expect(minted.filter((t) => t.status === 'pending')).toHaveLength(3)
    expect(await agentTasks.store.countPending(user)).toBe(3)
  })
})
