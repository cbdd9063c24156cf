import { type AgentTaskRecord, type AgentTaskSession, type AgentTaskStore, createMemoryStore } from '@agent-tasks/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { useRedisStore } from './redis-store-under-test.js'

const redis = useRedisStore({ prefix: 'prop:', timeoutMs: 5000 })

// Any well-formed Unicode: user-perceived characters, and any code point (astral, controls, NUL, '/').
const wellFormed = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }))
// Any UTF-16 code unit, lone surrogates included ('ab\uD83D'): JSON.stringify writes those as "\ud83d".
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 12 })
const text = fc.oneof(wellFormed, anyUnits, fc.constantFrom('ab\uD83D', '\uDC00x', 'a/b\\"c', ''))
const iso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString())
const session: fc.Arbitrary<AgentTaskSession> = fc.record(
  { sessionId: text, status: fc.oneof(fc.constantFrom('active', 'revoked', 'ended'), text), createdAt: iso, expiresAt: iso },
  { requiredKeys: ['sessionId', 'status', 'createdAt'], noNullPrototype: true },
)

let runs = 0
const recordArbitrary: fc.Arbitrary<AgentTaskRecord> = fc
  .record(
    {
      agentTaskId: wellFormed,
      agentId: text,
      agentName: text,
      ownerUserId: wellFormed,
      subjectUserId: text,
      subjectIdentifier: text,
      taskDescription: text,
      redirectUrl: text,
      sessionMaxDurationInSeconds: fc.oneof(fc.integer({ min: 1, max: 86_400 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(123_456_789_012_345)),
      status: fc.constantFrom('pending' as const, 'used' as const),
      createdAt: iso,
      expiresAt: iso,
      usedAt: iso,
      sessions: fc.array(session, { maxLength: 3 }),
    },
    { requiredKeys: ['agentTaskId', 'agentId', 'agentName', 'ownerUserId', 'taskDescription', 'redirectUrl', 'sessionMaxDurationInSeconds', 'status', 'createdAt', 'expiresAt'], noNullPrototype: true },
  )
  .map((r) => r as AgentTaskRecord)

/** Runs the same step on both stores and expects the same answer. */
async function both<T>(memory: AgentTaskStore, step: (store: AgentTaskStore) => Promise<T>): Promise<T> {
  const expected = await step(memory)
  expect(await step(redis.store)).toStrictEqual(expected)
  return expected
}

describe('every well-formed string round-trips exactly as in the memory store', () => {
  it('save, update (status, sessions, subject), get and list', async () => {
    await fc.assert(
      fc.asyncProperty(recordArbitrary, fc.array(session, { maxLength: 3 }), text, async (generated, sessions, subjectUserId) => {
        // IDs name Redis keys: well-formed strings (Clerk's are ASCII), made unique so runs don't meet.
        const run = ++runs
        const saved = { ...generated, agentTaskId: `${run}:${generated.agentTaskId}`, ownerUserId: `${run}:${generated.ownerUserId}` }
        if (generated.subjectUserId !== undefined) saved.subjectUserId = `${run}:${generated.subjectUserId}`
        if (generated.subjectIdentifier !== undefined) saved.subjectIdentifier = `${run}:${generated.subjectIdentifier}`
        const newSubject = `${run}:${subjectUserId}`
        const involving = (userId: string) => ({
          involving: { userId, identifiers: saved.subjectIdentifier === undefined ? [] : [saved.subjectIdentifier.toLowerCase()] },
        })
        const memory = createMemoryStore()
        const id = saved.agentTaskId
        const owner = { ownerUserId: saved.ownerUserId }
        await both(memory, (store) => store.save(saved))
        await both(memory, (store) => store.get(id))
        await both(memory, (store) => store.list(owner))
        await both(memory, (store) => store.update(id, { status: 'revoked', revokedAt: saved.createdAt }, ['pending']))
        await both(memory, (store) => store.update(id, { sessions }, ['used', 'revoked']))
        await both(memory, (store) => store.update(id, { sessions: [] }))
        await both(memory, (store) => store.list(involving(saved.subjectUserId ?? saved.ownerUserId)))
        await both(memory, (store) => store.update(id, { subjectUserId: newSubject, sessions }))
        await both(memory, (store) => store.list(involving(newSubject)))
        await both(memory, (store) => store.list(involving(saved.ownerUserId)))
        await both(memory, (store) => store.update(id, { status: 'pending' }, ['expired']))
        await both(memory, (store) => store.get(id))
        await both(memory, (store) => store.list(owner))
        await both(memory, (store) => store.list({ ...owner, status: saved.status }))
        await both(memory, (store) => store.countPending(saved.ownerUserId))
      }),
      { numRuns: 300 },
    )
  })
})

describe('a record with a lone surrogate', () => {
  it('is updated, read and listed like any other (Lua cannot decode the JSON escape of one)', async () => {
    const saved: AgentTaskRecord = {
      agentTaskId: 'agt_surrogate',
      agentId: 'agent_1',
      agentName: 'bot\uD83D',
      ownerUserId: 'user_surrogate',
      taskDescription: 'ab\uD83D',
      redirectUrl: 'https://app.example/\uDC00',
      sessionMaxDurationInSeconds: 600,
      status: 'pending',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-02T00:00:00.000Z',
    }
    await redis.store.save(saved)
    const used = await redis.store.update(saved.agentTaskId, { status: 'used', sessions: [] }, ['pending'])
    expect(used).toStrictEqual({ ...saved, status: 'used', sessions: [] })
    expect(await redis.store.list({ ownerUserId: 'user_surrogate' })).toStrictEqual([used])
  })
})
