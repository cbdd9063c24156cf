import { AgentTaskError, type AgentTaskRecord, } from '@agent-tasks/core'
import { createClient } from 'redis'
import { describe, expect, it } from 'vitest'
import { record } from './records.js'
import { useRedisStore } from './redis-store-under-test.js'

const redis = useRedisStore({ prefix: 'test:', retentionSeconds: 3600, timeoutMs: 500 }, true)

describe('createRedisStore', () => {
  it('saves, reads, lists newest first with a cursor, and filters by status', async () => {
    const saved = [record('user_list'), record('user_list'), record('user_list', { status: 'revoked' }), record('user_other')]
    for (const r of saved) await redis.store.save(r)
    expect(await redis.store.get(saved[0]?.agentTaskId as string)).toEqual(saved[0])
    const all = await redis.store.list({ ownerUserId: 'user_list' })
    expect(all.map((r) => r.agentTaskId)).toEqual([saved[2], saved[1], saved[0]].map((r) => r?.agentTaskId))
    const first = await redis.store.list({ ownerUserId: 'user_list', limit: 2 })
    const rest = await redis.store.list({ ownerUserId: 'user_list', limit: 2, after: first[1] as AgentTaskRecord })
    expect([...first, ...rest].map((r) => r.agentTaskId)).toEqual(all.map((r) => r.agentTaskId))
    expect((await redis.store.list({ ownerUserId: 'user_list', status: 'revoked' })).map((r) => r.agentTaskId)).toEqual([saved[2]?.agentTaskId])
    expect((await redis.store.list()).length).toBeGreaterThanOrEqual(4)
  })

  it('updates with compare-and-set, and keeps an empty sessions list an array', async () => {
    const r = record('user_cas')
    await redis.store.save(r)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => redis.store.update(r.agentTaskId, { status: 'revoked', revokedAt: `t${i}` }, ['pending'])),
    )
    const winners = new Set(results.map((result) => result?.revokedAt))
    expect(winners.size).toBe(1)
    expect(await redis.store.update(r.agentTaskId, { status: 'used' }, ['pending'])).toMatchObject({ status: 'revoked' })
    const used = record('user_cas', { status: 'used' })
    await redis.store.save(used)
    expect(await redis.store.update(used.agentTaskId, { sessions: [] }, ['used'])).toMatchObject({ sessions: [] })
    expect((await redis.store.get(used.agentTaskId))?.sessions).toEqual([])
    expect(await redis.store.update('agt_missing', { status: 'used' })).toBeUndefined()
  })

  it('keeps pending records without expiry, and settled ones for the retention only', async () => {
    const pending = record('user_ttl')
    await redis.store.save(pending)
    expect(await redis.client.sendCommand(['TTL', `test:task:${pending.agentTaskId}`])).toBe(-1)
    await redis.store.update(pending.agentTaskId, { status: 'revoked' }, ['pending'])
    const ttl = (await redis.client.sendCommand(['TTL', `test:task:${pending.agentTaskId}`])) as number
    expect(ttl).toBeGreaterThan(3500)
    expect(ttl).toBeLessThanOrEqual(3600)
  })

  it('drops index entries of records past their retention as it lists', async () => {
    const gone = record('user_gone', { status: 'revoked' })
    const kept = record('user_gone')
    await redis.store.save(gone)
    await redis.store.save(kept)
    await redis.client.sendCommand(['DEL', `test:task:${gone.agentTaskId}`])
    expect((await redis.store.list({ ownerUserId: 'user_gone' })).map((r) => r.agentTaskId)).toEqual([kept.agentTaskId])
    expect(await redis.client.sendCommand(['ZCARD', 'test:owner:user_gone'])).toBe(1)
  })

  it('answers a cursor whose time does not parse as a bad request, not as Redis failing', async () => {
    const error = await redis.store.list({ ownerUserId: 'user_list', after: { createdAt: '9999-99-99T99:99:99Z', agentTaskId: 'at_x' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AgentTaskError)
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, fields: [{ field: 'after.createdAt' }] })
  })

  it('counts pending per owner and holds maxPendingPerOwner exactly under 50 concurrent saves', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => redis.store.save(record('user_race'), { maxPendingPerOwner: 10 })))
    expect(results.filter((result) => result === undefined)).toHaveLength(10)
    expect(await redis.store.countPending('user_race')).toBe(10)
    expect(await redis.store.list({ ownerUserId: 'user_race' })).toHaveLength(10)
    const [one] = await redis.store.list({ ownerUserId: 'user_race', limit: 1 })
    await redis.store.update(one?.agentTaskId as string, { status: 'used' }, ['pending'])
    expect(await redis.store.countPending('user_race')).toBe(9)
  })

  it('answers store_unavailable within its timeout when Redis is down, and recovers when it is back', async () => {
    const r = record('user_down')
    await redis.store.save(r)
    await redis.server.stop()
    const started = Date.now()
    const error = await redis.store.get(r.agentTaskId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AgentTaskError)
    expect((error as AgentTaskError).code).toBe('store_unavailable')
    // Bounded by the store's 500 ms timeout, not a hang (generous: CI machines are loaded).
    expect(Date.now() - started).toBeLessThan(5000)
    await redis.server.start()
    await expect.poll(() => redis.client.isReady, { timeout: 5000 }).toBe(true)
    expect(await redis.store.get(r.agentTaskId)).toEqual(r)
  })

  it('answers store_unavailable within its timeout when Redis stalls', async () => {
    const pauser = createClient({ url: redis.server.url })
    await pauser.connect()
    await pauser.sendCommand(['CLIENT', 'PAUSE', '6000', 'ALL'])
    const started = Date.now()
    const error = await redis.store.countPending('user_stall').catch((e: unknown) => e)
    expect((error as AgentTaskError).code).toBe('store_unavailable')
    // Answered by the store's 500 ms timeout while Redis is still paused.
    expect(Date.now() - started).toBeLessThan(5000)
    await new Promise((resolve) => setTimeout(resolve, 6000 - (Date.now() - started) + 200))
    expect(await redis.store.countPending('user_stall')).toBe(0)
    pauser.destroy()
  })
})
