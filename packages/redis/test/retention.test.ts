import type { AgentTaskSession, } from '@agent-tasks/core'
import { describe, expect, it } from 'vitest'
import { record } from './records.js'
import { useRedisStore } from './redis-store-under-test.js'

const redis = useRedisStore({ prefix: 'ret:', retentionSeconds: 1, timeoutMs: 5000 })

const HOUR = 3_600_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ttlOf = async (id: string) => (await redis.client.sendCommand(['TTL', `ret:task:${id}`])) as number
const session = (status: string, expiresInMs?: number): AgentTaskSession => ({
  sessionId: `sess_${Math.random().toString(36).slice(2)}`,
  status,
  createdAt: new Date().toISOString(),
  ...(expiresInMs === undefined ? {} : { expiresAt: new Date(Date.now() + expiresInMs).toISOString() }),
})

describe('retention never drops a record while its agent session may still act', () => {
  it('keeps a used record with an active session past retentionSeconds, and drops it once its sessions ended', async () => {
    const live = record('user_ret', { status: 'used', sessions: [session('active', HOUR)] })
    const liveNoExpiry = record('user_ret', { status: 'used', sessions: [session('revoked'), session('active')], sessionMaxDurationInSeconds: 7200 })
    const ended = record('user_ret', { status: 'used', sessions: [session('ended', HOUR), session('revoked', HOUR)] })
    const revoked = record('user_ret', { status: 'revoked' })
    const usedLater = record('user_ret')
    const endedLater = record('user_ret', { status: 'used', sessions: [session('active', HOUR)] })
    for (const r of [live, liveNoExpiry, ended, revoked, usedLater, endedLater]) await redis.store.save(r)
    await redis.store.update(usedLater.agentTaskId, { status: 'used', sessions: [session('active', HOUR)] }, ['pending'])
    await redis.store.update(endedLater.agentTaskId, { sessions: [session('revoked', HOUR)] }, ['used'])

    expect(await ttlOf(live.agentTaskId)).toBeGreaterThan(3500)
    expect(await ttlOf(liveNoExpiry.agentTaskId)).toBeGreaterThan(7100)
    expect(await ttlOf(usedLater.agentTaskId)).toBeGreaterThan(3500)
    await sleep(2200)
    for (const kept of [live, liveNoExpiry, usedLater]) expect(await redis.store.get(kept.agentTaskId)).toBeDefined()
    for (const gone of [ended, revoked, endedLater]) expect(await redis.store.get(gone.agentTaskId)).toBeUndefined()
  })

  it('computes the expiry from the record as written, even under concurrent patches', async () => {
    // Used, no session seen yet, its link long expired: nothing can act through it, so retention (1 s) applies.
    const used = record('user_ret_race', { status: 'used', expiresAt: new Date(Date.now() - HOUR).toISOString() })
    await redis.store.save(used)
    const active = [session('active', HOUR)]
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0 ? redis.store.update(used.agentTaskId, { sessions: active }, ['used']) : redis.store.update(used.agentTaskId, { usedAt: `t${i}` }),
      ),
    )
    expect((await redis.store.get(used.agentTaskId))?.sessions).toEqual(active)
    // An update that read the record before the session was written must not have set a 1 s expiry.
    expect(await ttlOf(used.agentTaskId)).toBeGreaterThan(3500)
  })

  it('keeps a pending record, and a used one whose times cannot be read, with no expiry', async () => {
    const pending = record('user_ret_forever')
    const unreadable = record('user_ret_forever', { status: 'used', sessions: [{ sessionId: 's', status: 'active', createdAt: 'not a time' }] })
    await redis.store.save(pending)
    await redis.store.save(unreadable)
    expect(await ttlOf(pending.agentTaskId)).toBe(-1)
    expect(await ttlOf(unreadable.agentTaskId)).toBe(-1)
  })
})

describe('index entries of expired records are trimmed', () => {
  const zcard = async (key: string) => (await redis.client.sendCommand(['ZCARD', key])) as number
  const exists = async (key: string) => (await redis.client.sendCommand(['EXISTS', key])) as number

  it('from every index, by the saves that follow their expiry', async () => {
    const expiring = Array.from({ length: 5 }, () => record('user_trim', { status: 'revoked' }))
    const kept = record('user_trim')
    for (const r of [...expiring, kept]) await redis.store.save(r)
    const before = await zcard('ret:index')
    expect(await zcard('ret:owner:user_trim')).toBe(6)
    await sleep(2200)
    await redis.store.save(record('user_trim_other'))
    expect(await zcard('ret:index')).toBeLessThanOrEqual(before + 1 - expiring.length)
    expect(await zcard('ret:owner:user_trim')).toBe(1)
    for (const r of expiring) expect(await exists(`ret:refs:${r.agentTaskId}`)).toBe(0)
    expect(await redis.store.list({ ownerUserId: 'user_trim' })).toEqual([kept])
  })

  it('from every index, by a listing that meets them', async () => {
    const expiring = Array.from({ length: 3 }, () => record('user_trim_list', { status: 'expired' }))
    for (const r of expiring) await redis.store.save(r)
    const before = await zcard('ret:index')
    await sleep(2200)
    expect(await redis.store.list({ ownerUserId: 'user_trim_list' })).toEqual([])
    expect(await zcard('ret:owner:user_trim_list')).toBe(0)
    expect(await zcard('ret:index')).toBe(before - expiring.length)
    for (const r of expiring) {
      expect(await redis.client.sendCommand(['ZSCORE', 'ret:expiring', r.agentTaskId])).toBeNull()
      expect(await exists(`ret:refs:${r.agentTaskId}`)).toBe(0)
    }
  })
})
