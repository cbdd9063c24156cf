import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AgentTasksOptions, createAgentTasks, createMemoryStore } from '../src/index.js'
import { rejection } from './rejection.js'

// The kill switch must hold where the review found it blind: a user with many sessions, links minted
// for a user by someone else, and a store under churn.

let emulator: Emulator
const origin = 'https://app.example'

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false, allowedRedirectOrigins: [origin] })
})
afterAll(() => emulator.close())

function setup(options: Partial<AgentTasksOptions<unknown>> = {}) {
  return createAgentTasks<unknown>({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl, ...options })
}

const as = (userId: string) => ({ auth: { userId }, context: undefined, origin })
const newUser = (name: string) => emulator.users.create({ email: `${name}-${Math.random().toString(36).slice(2)}@example.com` })
const sessionOf = (agentTaskId: string) => emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)
const linkStatus = (agentTaskId: string) => emulator.state.agentTasks().find((t) => t.id === agentTaskId)?.status
const use = async (url: string) => expect((await fetch(url, { redirect: 'manual' })).status).toBe(307)

/** The user signs in `active` more times and stays signed in, and signs in and out `ended` times. */
async function busyUser(userId: string, { active, ended }: { active: number; ended: number }) {
  for (let i = 0; i < ended; i++) {
    const { sessionId } = await emulator.signIn(userId)
    const response = await fetch(`${emulator.apiUrl}/v1/sessions/${sessionId}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emulator.secretKey}` },
    })
    expect(response.status).toBe(200)
  }
  for (let i = 0; i < active; i++) await emulator.signIn(userId)
}

describe('kill switch at scale: a user with 1,000 sessions', () => {
  it('per-link revoke, the listing and “end all” find an agent session older than 1,000 others', { timeout: 60_000 }, async () => {
    const agentTasks = setup()
    const user = newUser('busy').id
    const first = await agentTasks.create({ taskDescription: 'first' }, as(user))
    const second = await agentTasks.create({ taskDescription: 'second' }, as(user))
    await use(first.url)
    await use(second.url)
    await busyUser(user, { active: 1_000, ended: 100 })
    expect(emulator.state.sessions().filter((s) => s.userId === user)).toHaveLength(1_102)

    const listed = await agentTasks.list(undefined, as(user))
    expect(listed.data.map((r) => [r.agentTaskId, r.status, r.sessions?.[0]?.status])).toEqual([
      [second.agentTaskId, 'used', 'active'],
      [first.agentTaskId, 'used', 'active'],
    ])

    const revoked = await agentTasks.revoke(first.agentTaskId, as(user))
    expect(revoked.sessions).toEqual([expect.objectContaining({ sessionId: sessionOf(first.agentTaskId)?.id, status: 'revoked' })])
    expect(sessionOf(first.agentTaskId)?.status).toBe('revoked')

    const all = await agentTasks.revokeAll(as(user))
    expect(all.endedSessionIds).toEqual([sessionOf(second.agentTaskId)?.id])
    expect(sessionOf(second.agentTaskId)?.status).toBe('revoked')
    // The person's own 1,000 sessions are not the agent's: they stay.
    expect(emulator.state.sessions().filter((s) => s.userId === user && s.status === 'active')).toHaveLength(1_000)
  })

  it('a used link whose session was not found at first is looked up again, not frozen', { timeout: 60_000 }, async () => {
    const agentTasks = setup()
    const user = newUser('late').id
    const task = await agentTasks.create({}, as(user))
    await use(task.url)
    // Clerk answers the session listing with an empty page once: the link is learnt used (revoke refused) without its session.
    emulator.faults.add({ path: '/v1/sessions', status: 200, body: { data: [], total_count: 0 }, times: 1 })
    expect((await rejection(agentTasks.revoke(task.agentTaskId, as(user)))).code).toBe('agent_task_already_used')
    emulator.faults.clear()
    expect(await agentTasks.store.get(task.agentTaskId)).toMatchObject({ status: 'used' })
    const ended = await agentTasks.revoke(task.agentTaskId, as(user))
    expect(ended.sessions).toEqual([expect.objectContaining({ status: 'revoked' })])
    expect(sessionOf(task.agentTaskId)?.status).toBe('revoked')
  })
})

describe('links minted for a user by someone else', () => {
  it('show in the subject’s list, and the subject’s “end all” revokes them, by user ID or by identifier in any case', async () => {
    const agentTasks = setup({ authorize: ({ action }) => action === 'create' })
    const admin = newUser('admin').id
    const subject = newUser('subject')
    const email = subject.email ?? ''
    const own = await agentTasks.create({ taskDescription: 'own' }, as(subject.id))
    const byId = await agentTasks.create({ taskDescription: 'by id', onBehalfOf: { userId: subject.id } }, as(admin))
    const byEmail = await agentTasks.create({ taskDescription: 'by email', onBehalfOf: { identifier: email.toUpperCase() } }, as(admin))

    const listed = await agentTasks.list(undefined, as(subject.id))
    expect(listed.data.map((r) => r.agentTaskId)).toEqual([byEmail.agentTaskId, byId.agentTaskId, own.agentTaskId])
    // The minter still sees the two they minted; a bystander sees none.
    expect((await agentTasks.list(undefined, as(admin))).data.map((r) => r.agentTaskId)).toEqual([byEmail.agentTaskId, byId.agentTaskId])
    expect((await agentTasks.list(undefined, as(newUser('bystander').id))).data).toEqual([])

    const result = await agentTasks.revokeAll(as(subject.id))
    expect(result.revokedAgentTaskIds.sort()).toEqual([own.agentTaskId, byId.agentTaskId, byEmail.agentTaskId].sort())
    for (const task of [own, byId, byEmail]) {
      expect(linkStatus(task.agentTaskId)).toBe('revoked')
      expect((await fetch(task.url, { redirect: 'manual' })).status).toBe(400)
    }
  })

  it('the subject may end one such link, and the agent session it opened', async () => {
    const agentTasks = setup({ authorize: ({ action }) => action === 'create' })
    const admin = newUser('admin').id
    const subject = newUser('subject')
    const pending = await agentTasks.create({ onBehalfOf: { identifier: subject.email ?? '' } }, as(admin))
    const used = await agentTasks.create({ onBehalfOf: { userId: subject.id } }, as(admin))
    await use(used.url)
    expect(await agentTasks.revoke(pending.agentTaskId, as(subject.id))).toMatchObject({ status: 'revoked' })
    expect((await agentTasks.revoke(used.agentTaskId, as(subject.id))).sessions).toEqual([expect.objectContaining({ status: 'revoked' })])
    expect(sessionOf(used.agentTaskId)?.status).toBe('revoked')
    // Still hidden from anyone else.
    expect((await rejection(agentTasks.revoke(used.agentTaskId, as(newUser('other').id)))).code).toBe('agent_task_not_found')
  })
})

describe('the default memory store under churn', () => {
  it('keeps the record of a used link whose session is live while other users churn mints', { timeout: 30_000 }, async () => {
    const agentTasks = setup({ store: createMemoryStore({ maxRecords: 3 }), limits: false })
    const victim = newUser('victim').id
    const churner = newUser('churner').id
    const task = await agentTasks.create({}, as(victim))
    await use(task.url)
    await agentTasks.list(undefined, as(victim)) // the record learns the link was used
    for (let i = 0; i < 6; i++) {
      const churn = await agentTasks.create({}, as(churner))
      await agentTasks.revoke(churn.agentTaskId, as(churner))
    }
    expect(await agentTasks.store.get(task.agentTaskId)).toMatchObject({ status: 'used' })
    const all = await agentTasks.revokeAll(as(victim))
    expect(all.endedSessionIds).toEqual([sessionOf(task.agentTaskId)?.id])
    expect(sessionOf(task.agentTaskId)?.status).toBe('revoked')
  })
})

describe('half a character', () => {
  it.each([
    ['taskDescription', { taskDescription: 'Check the 🚀'.slice(0, -1) }],
    ['redirectUrl', { redirectUrl: '/dashboard?q=\uDE80' }],
    ['onBehalfOf.identifier', { onBehalfOf: { identifier: 'ada\uD83D@example.com' } }],
  ])('refuses a lone surrogate in %s with a 400 naming it, before calling Clerk', async (field, input) => {
    const agentTasks = setup({ authorize: () => true })
    const before = emulator.state.requests().length
    const error = await rejection(agentTasks.create(input, as(newUser('text').id)))
    expect(error.code).toBe('invalid_request')
    expect(error.fields).toEqual([{ field, message: expect.stringContaining('half of a character') }])
    expect(emulator.state.requests().length).toBe(before)
  })

  it('accepts whole emoji and other scripts', async () => {
    const agentTasks = setup()
    const task = await agentTasks.create({ taskDescription: 'Vérifie le 🚀 — 検査' }, as(newUser('text').id))
    expect(task.taskDescription).toBe('Vérifie le 🚀 — 検査')
  })
})
