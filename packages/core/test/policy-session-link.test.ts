import { describe, expect, it } from 'vitest'
import { type AgentSessionAuth, isAgentAuth, linkOfSession, taskIdHint } from '../src/policy/session-link.js'
import { createSessionLinker } from '../src/policy/session-link-cache.js'
import { countingLedger, ledgerRecord, totalCalls } from './policy-ledger.js'

const agent = (userId: string, sessionId: string, actor: Record<string, unknown> = {}): AgentSessionAuth => ({
  userId,
  sessionId,
  actor: { type: 'agent', sub: 'agt_1', ...actor },
})

describe('isAgentAuth and taskIdHint', () => {
  it('reads act.type from actor or from the raw claims', () => {
    expect(isAgentAuth(agent('user_1', 'sess_1'))).toBe(true)
    expect(isAgentAuth({ userId: 'user_1', sessionClaims: { act: { type: 'agent' } } })).toBe(true)
    expect(isAgentAuth({ userId: 'user_1', actor: { type: 'impersonation' } })).toBe(false)
    expect(isAgentAuth({ userId: 'user_1' })).toBe(false)
    expect(isAgentAuth(null)).toBe(false)
  })

  it('finds task_id or agent_task_id in actor or act', () => {
    expect(taskIdHint(agent('u', 's', { task_id: 'at_1' }))).toBe('at_1')
    expect(taskIdHint({ userId: 'u', sessionClaims: { act: { type: 'agent', agent_task_id: 'at_2' } } })).toBe('at_2')
    expect(taskIdHint(agent('u', 's', { task_id: '' }))).toBeUndefined()
    expect(taskIdHint(agent('u', 's', { task_id: 7 }))).toBeUndefined()
  })
})

describe('linkOfSession', () => {
  it("believes the claims' task ID when the record signs in this user, with no session lookup", async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', undefined, 'reports'))
    ledger.calls.save = 0
    expect(await linkOfSession(agent('user_1', 'sess_new', { task_id: 'at_1' }), ledger.lookup)).toEqual({ agentTaskId: 'at_1', scope: 'reports' })
    expect(ledger.calls).toEqual({ save: 0, get: 1 })
  })

  it("does not believe a task ID whose record signs in someone else: the session's own record decides", async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_admin', 'user_admin', undefined, undefined))
    await ledger.store.save(ledgerRecord('at_mine', 'user_1', 'sess_1', 'read-only'))
    const forged = agent('user_1', 'sess_1', { task_id: 'at_admin' })
    expect(await linkOfSession(forged, ledger.lookup)).toEqual({ agentTaskId: 'at_mine', scope: 'read-only' })
    expect(ledger.calls.findBySession).toBe(1)
  })

  it('does not believe a task ID of a link minted for an identifier not yet resolved, unless it lists the session', async () => {
    const ledger = countingLedger()
    const { subjectUserId: _, ...byEmail } = { ...ledgerRecord('at_email', 'user_owner', undefined), subjectIdentifier: 'ada@example.com' }
    await ledger.store.save(byEmail)
    expect(await linkOfSession(agent('user_ada', 'sess_9', { task_id: 'at_email' }), ledger.lookup)).toBeUndefined()
    await ledger.store.update('at_email', { sessions: [{ sessionId: 'sess_9', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' }] })
    expect(await linkOfSession(agent('user_ada', 'sess_9', { task_id: 'at_email' }), ledger.lookup)).toEqual({ agentTaskId: 'at_email', scope: undefined })
  })

  it('places a session by its ID when the claims name no task; a record of another user does not place it', async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1'))
    expect(await linkOfSession(agent('user_1', 'sess_1'), ledger.lookup)).toEqual({ agentTaskId: 'at_1', scope: undefined })
    expect(await linkOfSession(agent('user_2', 'sess_1'), ledger.lookup)).toBeUndefined()
    expect(await linkOfSession(agent('user_1', 'sess_unknown'), ledger.lookup)).toBeUndefined()
    expect(await linkOfSession({ userId: 'user_1', actor: { type: 'agent' } }, ledger.lookup)).toBeUndefined()
  })

  it('throws when the ledger fails, never answering "no link"', async () => {
    const ledger = countingLedger()
    ledger.down.value = true
    await expect(linkOfSession(agent('user_1', 'sess_1'), ledger.lookup)).rejects.toThrow('store unreachable')
    await expect(linkOfSession(agent('user_1', 'sess_1', { task_id: 'at_1' }), ledger.lookup)).rejects.toThrow('store unreachable')
  })
})

describe('createSessionLinker', () => {
  const clock = () => {
    const time = { now: 1_000_000 }
    return { time, now: () => time.now }
  }

  it('asks the ledger once per session while remembered, and again after the TTL', async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1', 'reports'))
    const { time, now } = clock()
    const linker = createSessionLinker(ledger.lookup, { ttlSeconds: 60, now })
    for (let i = 0; i < 5; i++) expect(await linker.linkOf(agent('user_1', 'sess_1'))).toEqual({ agentTaskId: 'at_1', scope: 'reports' })
    expect(ledger.calls.findBySession).toBe(1)
    time.now += 60_001
    await linker.linkOf(agent('user_1', 'sess_1'))
    expect(ledger.calls.findBySession).toBe(2)
  })

  it('remembers "not placed" only briefly, so a session the ledger learns soon is placed', async () => {
    const ledger = countingLedger()
    const { time, now } = clock()
    const linker = createSessionLinker(ledger.lookup, { negativeTtlSeconds: 5, now })
    expect(await linker.linkOf(agent('user_1', 'sess_1'))).toBeUndefined()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1'))
    expect(await linker.linkOf(agent('user_1', 'sess_1'))).toBeUndefined()
    expect(ledger.calls.findBySession).toBe(1)
    time.now += 5_001
    expect(await linker.linkOf(agent('user_1', 'sess_1'))).toEqual({ agentTaskId: 'at_1', scope: undefined })
    expect(ledger.calls.findBySession).toBe(2)
  })

  it('keeps at most maxEntries sessions, forgetting the least recently used', async () => {
    const ledger = countingLedger()
    for (let i = 0; i < 4; i++) await ledger.store.save(ledgerRecord(`at_${i}`, 'user_1', `sess_${i}`))
    const linker = createSessionLinker(ledger.lookup, { maxEntries: 3 })
    for (const i of [0, 1, 2]) await linker.linkOf(agent('user_1', `sess_${i}`))
    await linker.linkOf(agent('user_1', 'sess_0')) // sess_0 is now the most recently used
    await linker.linkOf(agent('user_1', 'sess_3')) // forgets sess_1
    expect(linker.size).toBe(3)
    const before = ledger.calls.findBySession ?? 0
    await linker.linkOf(agent('user_1', 'sess_0'))
    expect(ledger.calls.findBySession).toBe(before)
    await linker.linkOf(agent('user_1', 'sess_1'))
    expect(ledger.calls.findBySession).toBe(before + 1)
    expect(linker.size).toBe(3)
  })

  it('shares one ledger lookup among concurrent requests of a session', async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1'))
    const linker = createSessionLinker(ledger.lookup)
    const links = await Promise.all(Array.from({ length: 10 }, () => linker.linkOf(agent('user_1', 'sess_1'))))
    expect(new Set(links.map((link) => link?.agentTaskId))).toEqual(new Set(['at_1']))
    expect(ledger.calls.findBySession).toBe(1)
  })

  it('does not remember a failure: it throws, and the next request asks again', async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1'))
    const linker = createSessionLinker(ledger.lookup)
    ledger.down.value = true
    await expect(linker.linkOf(agent('user_1', 'sess_1'))).rejects.toThrow('store unreachable')
    expect(linker.size).toBe(0)
    ledger.down.value = false
    expect(await linker.linkOf(agent('user_1', 'sess_1'))).toEqual({ agentTaskId: 'at_1', scope: undefined })
  })

  it('keys by user and hint too, and forgets a session on request', async () => {
    const ledger = countingLedger()
    await ledger.store.save(ledgerRecord('at_1', 'user_1', 'sess_1'))
    const linker = createSessionLinker(ledger.lookup)
    expect(await linker.linkOf(agent('user_1', 'sess_1'))).toBeDefined()
    expect(await linker.linkOf(agent('user_2', 'sess_1'))).toBeUndefined()
    linker.forget('sess_1')
    expect(linker.size).toBe(0)
    expect(totalCalls(ledger.calls)).toBeGreaterThan(0)
  })
})
