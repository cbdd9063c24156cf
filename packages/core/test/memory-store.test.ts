import { describe, expect, it } from 'vitest'
import { type AgentTaskRecord, createMemoryStore } from '../src/index.js'

const record = (id: string, ownerUserId: string): AgentTaskRecord => ({
  agentTaskId: id,
  agentId: 'agt_1',
  agentName: 'bot',
  ownerUserId,
  subjectUserId: ownerUserId,
  taskDescription: 'd',
  redirectUrl: 'https://app.example/',
  sessionMaxDurationInSeconds: 600,
  status: 'pending',
  createdAt: new Date().toISOString(),
})

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

  it('hands out copies, so callers cannot change stored records', async () => {
    const store = createMemoryStore()
    await store.save(record('a', 'user_1'))
    const copy = await store.get('a')
    if (copy) copy.status = 'used'
    expect((await store.get('a'))?.status).toBe('pending')
  })

  it('drops the oldest records beyond maxRecords', async () => {
    const store = createMemoryStore({ maxRecords: 2 })
    for (const id of ['a', 'b', 'c']) await store.save(record(id, 'user_1'))
    expect(await store.get('a')).toBeUndefined()
    expect((await store.list()).length).toBe(2)
  })

  it('keeps exactly the newest maxRecords through many evictions', async () => {
    const store = createMemoryStore({ maxRecords: 1000 })
    for (let i = 0; i < 5000; i++) await store.save(record(`t${i}`, 'user_1'))
    await store.save(record('t4500', 'user_1')) // saving a kept ID again keeps one copy
    const listed = await store.list()
    expect(listed).toHaveLength(1000)
    expect(listed[0]?.agentTaskId).toBe('t4999')
    expect(listed.at(-1)?.agentTaskId).toBe('t4000')
    expect(await store.get('t3999')).toBeUndefined()
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
