import { describe, expect, it } from 'vitest'
import { AgentTaskError, type AgentTaskRecord, type AgentTaskStatus, createMemoryStore } from '../src/index.js'

let clock = Date.parse('2026-01-01T00:00:00.000Z')

const record = (id: string, ownerUserId: string, status: AgentTaskStatus = 'pending'): AgentTaskRecord => {
  clock += 1000
  return {
    agentTaskId: id,
    agentId: 'agt_1',
    agentName: 'bot',
    ownerUserId,
    subjectUserId: ownerUserId,
    taskDescription: 'd',
    redirectUrl: 'https://app.example/',
    sessionMaxDurationInSeconds: 600,
    status,
    createdAt: new Date(clock).toISOString(),
    expiresAt: new Date(clock + 86_400_000).toISOString(),
  }
}

describe('createMemoryStore', () => {
  it('saves, updates and lists newest first by owner and status', async () => {
    const store = createMemoryStore()
    await store.save(record('a', 'user_1'))
    await store.save(record('b', 'user_2'))
    await store.save(record('c', 'user_1'))
    await store.update('a', { status: 'revoked', revokedAt: 'now' })
    expect((await store.list({ ownerUserId: 'user_1' })).map((r) => r.agentTaskId)).toEqual(['c', 'a'])
    expect((await store.list({ status: 'revoked' })).map((r) => r.agentTaskId)).toEqual(['a'])
    expect(await store.update('missing', { status: 'used' })).toBeUndefined()
  })

  it('finds links minted for an identifier whatever its case on either side', async () => {
    const store = createMemoryStore()
    await store.save({ ...record('by-email', 'user_admin'), subjectUserId: 'user_resolved_later', subjectIdentifier: 'Ada@Example.com' })
    await store.save(record('other', 'user_bob'))
    const found = await store.list({ involving: { userId: 'user_ada', identifiers: ['ADA@example.COM'] } })
    expect(found.map((r) => r.agentTaskId)).toEqual(['by-email'])
  })

  it('pages newest first with a cursor and a limit', async () => {
    const store = createMemoryStore()
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.save(record(id, 'user_1'))
    const first = await store.list({ ownerUserId: 'user_1', limit: 2 })
    expect(first.map((r) => r.agentTaskId)).toEqual(['e', 'd'])
    const second = await store.list({ ownerUserId: 'user_1', limit: 2, after: first[1] as AgentTaskRecord })
    expect(second.map((r) => r.agentTaskId)).toEqual(['c', 'b'])
    const last = await store.list({ ownerUserId: 'user_1', limit: 2, after: second[1] as AgentTaskRecord })
    expect(last.map((r) => r.agentTaskId)).toEqual(['a'])
  })

  it('hands out copies, so callers cannot change stored records', async () => {
    const store = createMemoryStore()
    await store.save(record('a', 'user_1'))
    const copy = await store.get('a')
    if (copy) copy.status = 'used'
    expect((await store.get('a'))?.status).toBe('pending')
  })

  it('drops the oldest settled records beyond maxRecords, never a pending one', async () => {
    const store = createMemoryStore({ maxRecords: 3 })
    await store.save(record('victim', 'user_2'))
    await store.save(record('used', 'user_1', 'used'))
    await store.save(record('revoked', 'user_1', 'revoked'))
    await store.save(record('new1', 'user_1'))
    expect(await store.get('used')).toBeUndefined()
    expect(await store.get('victim')).toMatchObject({ status: 'pending' })
    await store.save(record('new2', 'user_1'))
    expect(await store.get('revoked')).toBeUndefined()
    expect(await store.get('victim')).toMatchObject({ status: 'pending' })
  })

  it('never drops a used link whose session may still be live; drops it once every session ended', async () => {
    const store = createMemoryStore({ maxRecords: 2 })
    const hourAhead = new Date(Date.now() + 3_600_000).toISOString()
    const live = { ...record('live', 'user_1', 'used'), sessions: [{ sessionId: 'sess_1', status: 'active', createdAt: new Date().toISOString(), expiresAt: hourAhead }] }
    await store.save(live)
    await store.save(record('unknown', 'user_1', 'used'))
    await store.update('unknown', { sessions: [] })
    // A used link whose session is not known yet, minted just now: it may be live.
    await store.update('unknown', {})
    const fresh = { ...record('fresh-unknown', 'user_2', 'used'), expiresAt: hourAhead }
    const refused = await store.save(fresh).catch((error: unknown) => error)
    // 'unknown' was minted in the test clock's past and its link lifetime plus session maximum are over: it goes.
    expect(refused).toBeUndefined()
    expect(await store.get('unknown')).toBeUndefined()
    expect(await store.get('live')).toBeDefined()
    const full = await store.save(record('next', 'user_3')).catch((error: unknown) => error)
    expect((full as AgentTaskError).code).toBe('store_unavailable')
    expect(await store.get('live')).toBeDefined()
    await store.update('live', { sessions: [{ sessionId: 'sess_1', status: 'revoked', createdAt: new Date().toISOString(), expiresAt: hourAhead }] })
    await store.save(record('next', 'user_3'))
    expect(await store.get('live')).toBeUndefined()
    expect(await store.get('fresh-unknown')).toBeDefined()
  })

  it('refuses a new record when every kept record is of a usable link, and accepts again once one settles', async () => {
    const store = createMemoryStore({ maxRecords: 2 })
    await store.save(record('a', 'user_1'))
    await store.save(record('b', 'user_2'))
    const refused = await store.save(record('c', 'user_3')).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AgentTaskError)
    expect((refused as AgentTaskError).code).toBe('store_unavailable')
    expect((refused as AgentTaskError).message).toMatch(/maxRecords|@agent-tasks\/redis/)
    expect(await store.get('a')).toBeDefined()
    await store.update('a', { status: 'revoked' })
    await store.save(record('c', 'user_3'))
    expect(await store.get('a')).toBeUndefined()
    expect(await store.get('b')).toBeDefined()
  })

  it('keeps exactly the newest maxRecords settled records through many evictions', async () => {
    const store = createMemoryStore({ maxRecords: 1000 })
    for (let i = 0; i < 5000; i++) await store.save(record(`t${i}`, 'user_1', 'revoked'))
    const listed = await store.list()
    expect(listed).toHaveLength(1000)
    expect(listed[0]?.agentTaskId).toBe('t4999')
    expect(listed.at(-1)?.agentTaskId).toBe('t4000')
    expect(await store.get('t3999')).toBeUndefined()
  })

  it('counts pending records per owner and refuses past maxPendingPerOwner', async () => {
    const store = createMemoryStore()
    expect(await store.save(record('a', 'user_1'), { maxPendingPerOwner: 2 })).toBeUndefined()
    expect(await store.save(record('b', 'user_1'), { maxPendingPerOwner: 2 })).toBeUndefined()
    expect(await store.save(record('c', 'user_1'), { maxPendingPerOwner: 2 })).toBe('limit_reached')
    expect(await store.get('c')).toBeUndefined()
    expect(await store.save(record('d', 'user_2'), { maxPendingPerOwner: 2 })).toBeUndefined()
    expect(await store.countPending('user_1')).toBe(2)
    await store.update('a', { status: 'used' })
    expect(await store.countPending('user_1')).toBe(1)
    expect(await store.save(record('c', 'user_1'), { maxPendingPerOwner: 2 })).toBeUndefined()
  })

  it('applies a conditional update only from the expected statuses', async () => {
    const store = createMemoryStore()
    await store.save(record('a', 'user_1'))
    expect(await store.update('a', { status: 'revoked', revokedAt: 'now' }, ['pending'])).toMatchObject({ status: 'revoked' })
    expect(await store.update('a', { status: 'used' }, ['pending'])).toMatchObject({ status: 'revoked' })
    expect((await store.get('a'))?.status).toBe('revoked')
    expect(await store.update('a', { status: 'revoked' }, ['pending', 'used'])).toMatchObject({ status: 'revoked', revokedAt: 'now' })
  })
})
