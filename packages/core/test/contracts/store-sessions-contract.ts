import { describe, expect, it } from 'vitest'
import type { AgentTaskRecord, AgentTaskSession, AgentTaskStore } from '../../src/store/types.js'

// The store contract for `findBySession`, run by every store in this repo (memory here, Redis in
// @agent-tasks/redis): the guard finds an agent session's link, and so its scope, through it.

let sequence = 0
const at = Date.parse('2026-02-01T00:00:00.000Z')

function record(overrides: Partial<AgentTaskRecord> = {}): AgentTaskRecord {
  sequence++
  return {
    agentTaskId: `agt_contract_${sequence}_${Math.random().toString(36).slice(2)}`,
    agentId: 'agent_1',
    agentName: 'bot',
    ownerUserId: 'user_owner',
    subjectUserId: 'user_owner',
    taskDescription: 'd',
    redirectUrl: 'https://app.example/',
    sessionMaxDurationInSeconds: 600,
    status: 'pending',
    createdAt: new Date(at + sequence * 1000).toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    ...overrides,
  }
}

const session = (sessionId: string, status = 'active'): AgentTaskSession => ({
  sessionId,
  status,
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
})

const unique = (name: string) => `sess_${name}_${Math.random().toString(36).slice(2)}`

/** `store()` is read inside each test (a Redis store exists only once its server started). */
export function describeFindBySessionContract(name: string, store: () => AgentTaskStore): void {
  describe(`${name}: findBySession`, () => {
    const find = (sessionId: string) => {
      const found = store().findBySession?.(sessionId)
      if (found === undefined) throw new Error(`${name} has no findBySession`)
      return found
    }

    it('finds the record that lists a session (with its scope), and nothing for an unknown session', async () => {
      const sessionId = unique('saved')
      const saved = record({ status: 'used', sessions: [session(sessionId)], scope: 'read-only' })
      await store().save(saved)
      expect(await find(sessionId)).toEqual(saved)
      expect(await find(unique('unknown'))).toBeUndefined()
      await store().save(record())
      expect(await find('')).toBeUndefined()
    })

    it('learns a session added by update, keeps it through later updates, and forgets one the record drops', async () => {
      const first = unique('first')
      const second = unique('second')
      const pending = record({ scope: 'reports' })
      await store().save(pending)
      expect(await find(first)).toBeUndefined()
      await store().update(pending.agentTaskId, { status: 'used', sessions: [session(first)] }, ['pending'])
      expect(await find(first)).toMatchObject({ agentTaskId: pending.agentTaskId, scope: 'reports', status: 'used' })
      await store().update(pending.agentTaskId, { sessions: [session(first, 'ended'), session(second)] }, ['used'])
      expect((await find(first))?.agentTaskId).toBe(pending.agentTaskId)
      expect((await find(second))?.agentTaskId).toBe(pending.agentTaskId)
      await store().update(pending.agentTaskId, { usedAt: new Date().toISOString() })
      expect((await find(second))?.agentTaskId).toBe(pending.agentTaskId)
      await store().update(pending.agentTaskId, { sessions: [session(second)] }, ['used'])
      expect(await find(first)).toBeUndefined()
      expect((await find(second))?.sessions).toHaveLength(1)
    })

    it('does not change the record when a compare-and-set refuses the update', async () => {
      const sessionId = unique('refused')
      const revoked = record({ status: 'revoked' })
      await store().save(revoked)
      await store().update(revoked.agentTaskId, { status: 'used', sessions: [session(sessionId)] }, ['pending'])
      expect(await find(sessionId)).toBeUndefined()
    })

    it('hands out copies', async () => {
      const sessionId = unique('copy')
      await store().save(record({ status: 'used', sessions: [session(sessionId)] }))
      const copy = await find(sessionId)
      if (copy) copy.scope = 'changed'
      expect((await find(sessionId))?.scope).toBeUndefined()
    })
  })
}
