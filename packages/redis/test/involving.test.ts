import type { AgentTaskListFilter, AgentTaskRecord, } from '@agent-tasks/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRedisStore } from '../src/index.js'
import { record } from './records.js'
import { useRedisStore } from './redis-store-under-test.js'

const redis = useRedisStore({ prefix: 'inv:', timeoutMs: 5000 })

const ids = (records: readonly AgentTaskRecord[]) => records.map((r) => r.agentTaskId)
const bee = { userId: 'user_bee', identifiers: ['bee@example.com', '+15550100', 'bee'] }
const ada = { userId: 'user_ada', identifiers: ['ada@example.com'] }

/** Every page of a listing, `limit` at a time, each page starting after the last record of the one before. */
async function pages(filter: AgentTaskListFilter, limit: number): Promise<AgentTaskRecord[][]> {
  const all: AgentTaskRecord[][] = []
  let after: AgentTaskRecord | undefined
  for (;;) {
    const page = await redis.store.list({ ...filter, limit, ...(after ? { after } : {}) })
    if (page.length === 0) return all
    all.push(page)
    after = page.at(-1)
  }
}

describe('listing with involving: the links a user minted, and those minted for them by anyone', () => {
  const forBeeById = record('user_ada', { subjectUserId: 'user_bee' })
  const forBeeByEmail = record('user_ada', { subjectIdentifier: 'Bee@Example.COM' })
  const byBee = record('user_bee')
  const otherUsers = record('user_cy')
  const forSomeoneElse = record('user_cy', { subjectIdentifier: 'dee@example.com' })
  const resolvedToBee = record('user_cy', { subjectUserId: 'user_dee', subjectIdentifier: 'dee@example.com' })
  delete forBeeByEmail.subjectUserId
  delete forSomeoneElse.subjectUserId

  beforeAll(async () => {
    for (const r of [forBeeById, forBeeByEmail, byBee, otherUsers, forSomeoneElse, resolvedToBee]) await redis.store.save(r)
  })

  it('lists every link concerning the user newest first, each once, across pages', async () => {
    const expected = ids([byBee, forBeeByEmail, forBeeById])
    expect(ids(await redis.store.list({ involving: bee }))).toEqual(expected)
    const paged = await pages({ involving: bee }, 2)
    expect(paged.map((page) => page.length)).toEqual([2, 1])
    expect(ids(paged.flat())).toEqual(expected)
    expect(ids((await pages({ involving: bee }, 1)).flat())).toEqual(expected)
    expect(ids(await redis.store.list({ involving: ada }))).toEqual(ids([forBeeByEmail, forBeeById]))
    expect(ids(await redis.store.list({ involving: { userId: 'user_ada' } }))).toEqual(ids([forBeeByEmail, forBeeById]))
  })

  it('compares identifiers lower-cased, and combines with status', async () => {
    expect(ids(await redis.store.list({ involving: { userId: 'user_nobody', identifiers: ['BEE@example.com'] } }))).toEqual(ids([forBeeByEmail]))
    await redis.store.update(forBeeByEmail.agentTaskId, { status: 'revoked' }, ['pending'])
    expect(ids(await redis.store.list({ involving: bee, status: 'revoked' }))).toEqual(ids([forBeeByEmail]))
    expect(ids(await redis.store.list({ involving: bee, status: 'pending' }))).toEqual(ids([byBee, forBeeById]))
  })

  it('follows a subject user ID set by an update', async () => {
    await redis.store.update(forSomeoneElse.agentTaskId, { subjectUserId: 'user_bee' })
    await redis.store.update(resolvedToBee.agentTaskId, { subjectUserId: 'user_bee' })
    expect(ids(await redis.store.list({ involving: bee }))).toEqual(ids([resolvedToBee, forSomeoneElse, byBee, forBeeByEmail, forBeeById]))
    expect(await redis.store.list({ involving: { userId: 'user_dee' } })).toEqual([])
    expect(await redis.client.sendCommand(['ZSCORE', 'inv:subject:user_dee', resolvedToBee.agentTaskId])).toBeNull()
    expect(ids(await redis.store.list({ subjectUserId: 'user_bee' }))).toEqual(ids([resolvedToBee, forSomeoneElse, byBee, forBeeById]))
  })

  it('pages exactly through records created in the same millisecond, across indexes and batches', async () => {
    const createdAt = '2027-01-01T00:00:00.000Z'
    const same = [
      ...Array.from({ length: 25 }, () => record('user_tie', { createdAt })),
      ...Array.from({ length: 20 }, () => record('user_tie_other', { subjectUserId: 'user_tie', createdAt })),
    ]
    await Promise.all(same.map((r) => redis.store.save(r)))
    const expected = same.map((r) => r.agentTaskId).sort().reverse()
    for (const limit of [1, 7, 100]) {
      expect(ids((await pages({ involving: { userId: 'user_tie' } }, limit)).flat())).toEqual(expected)
    }
    expect(ids((await pages({ ownerUserId: 'user_tie' }, 3)).flat())).toEqual(expected.filter((id) => same.slice(0, 25).some((r) => r.agentTaskId === id)))
  })

  it('reads only the indexes of the user, not the global one', async () => {
    // Many links of other users: a listing involving Bee must not page through them.
    await Promise.all(Array.from({ length: 300 }, () => redis.store.save(record('user_crowd'))))
    const reads: string[][] = []
    const counting = createRedisStore(
      {
        sendCommand: (args: string[]) => {
          reads.push(args)
          return redis.client.sendCommand(args)
        },
      },
      { prefix: 'inv:' },
    )
    expect(await counting.list({ involving: bee, limit: 20 })).toHaveLength(5)
    const indexes = reads.filter((args) => args[0] === 'ZRANGE').map((args) => args[1])
    expect(indexes.sort()).toEqual(['inv:identifier:+15550100', 'inv:identifier:bee', 'inv:identifier:bee@example.com', 'inv:owner:user_bee', 'inv:subject:user_bee'])
  })
})
