import { describe, expect, it } from 'vitest'
import type { ApprovalRequest, ApprovalStore } from '../../src/policy/approval-store.js'
import type { RuleRef } from '../../src/policy/rules.js'

// The ApprovalStore contract, run by every approval store in this repo (memory here, Redis in
// @agent-tasks/redis). Each call is one atomic step: see `approval-store.ts`.

const rule: RuleRef = { source: 'built-in', index: 1, effect: 'ask', methods: '*', paths: ['/billing/**'] }
const minute = 60_000
let sequence = 0

function hex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function candidate(now: number, overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  sequence++
  return {
    id: `apr_${hex()}`,
    userId: 'user_contract',
    sessionId: 'sess_agent',
    method: 'POST',
    path: '/billing',
    agentTaskId: 'agt_1',
    rule,
    status: 'pending',
    createdAt: new Date(now + sequence).toISOString(),
    expiresAt: new Date(now + 15 * minute).toISOString(),
    ...overrides,
  }
}

const user = (name: string) => `user_${name}_${Math.random().toString(36).slice(2)}`

/** `store()` is read inside each test (a Redis store exists only once its server started). */
export function describeApprovalStoreContract(name: string, store: () => ApprovalStore): void {
  describe(`${name}: ApprovalStore contract`, () => {
    const now = Date.now()
    const opts = { maxPendingPerUser: 3, now }

    it('saves a new request, reads it back exactly, and finds the live one for the same key', async () => {
      const userId = user('open')
      const first = candidate(now, { userId, path: '/billing/caf%C3%A9 \u{1F600}' })
      expect(await store().open(first, opts)).toEqual(first)
      expect(await store().get(first.id)).toEqual(first)
      const again = candidate(now, { userId, path: first.path })
      expect(await store().open(again, opts)).toEqual(first)
      expect(await store().get(again.id)).toBeUndefined()
      const otherMethod = candidate(now, { userId, path: first.path, method: 'DELETE' })
      expect((await store().open(otherMethod, opts)) as ApprovalRequest).toMatchObject({ id: otherMethod.id })
      expect(await store().get('apr_00000000000000000000000000000000')).toBeUndefined()
    })

    it('a burst of identical opens saves one request', async () => {
      const userId = user('burst')
      const results = await Promise.all(Array.from({ length: 20 }, () => store().open(candidate(now, { userId }), opts)))
      expect(new Set(results.map((result) => (result as ApprovalRequest).id)).size).toBe(1)
      expect(await store().listByUser(userId)).toHaveLength(1)
    })

    it('answers limit_reached at the user’s live pending limit, counting neither expired nor other users’ requests', async () => {
      const userId = user('limit')
      await store().open(candidate(now - 20 * minute, { userId, path: '/old', expiresAt: new Date(now - minute).toISOString() }), { ...opts, now: now - 20 * minute })
      for (const path of ['/a', '/b', '/c']) expect(await store().open(candidate(now, { userId, path }), opts)).not.toBe('limit_reached')
      expect(await store().open(candidate(now, { userId, path: '/d' }), opts)).toBe('limit_reached')
      expect(await store().open(candidate(now, { userId: user('other'), path: '/d' }), opts)).not.toBe('limit_reached')
    })

    it('an expired request is replaced by a new one for the same key', async () => {
      const userId = user('expired')
      const old = candidate(now - 20 * minute, { userId, expiresAt: new Date(now - minute).toISOString() })
      await store().open(old, { ...opts, now: now - 20 * minute })
      const fresh = candidate(now, { userId })
      expect(await store().open(fresh, opts)).toEqual(fresh)
    })

    it('transition is a compare-and-set on status and liveness', async () => {
      const userId = user('cas')
      const request = candidate(now, { userId })
      await store().open(request, opts)
      const approvedUntil = new Date(now + 5 * minute).toISOString()
      const approved = await store().transition(request.id, { from: ['pending'], liveAt: now }, { status: 'approved', expiresAt: approvedUntil, decidedAt: new Date(now).toISOString() })
      expect(approved).toMatchObject({ id: request.id, status: 'approved', expiresAt: approvedUntil })
      expect(await store().transition(request.id, { from: ['pending'] }, { status: 'declined' })).toBeUndefined()
      expect(await store().transition(request.id, { from: ['approved'], liveAt: now + 6 * minute }, { status: 'used' })).toBeUndefined()
      expect(await store().transition('apr_ffffffffffffffffffffffffffffffff', { from: ['pending'] }, { status: 'declined' })).toBeUndefined()
      // Approved and live: the same key finds it, so the agent's retry can use it.
      expect(((await store().open(candidate(now, { userId }), opts)) as ApprovalRequest).id).toBe(request.id)
      expect(await store().get(request.id)).toMatchObject({ status: 'approved' })
    })

    it('of concurrent uses of one approval exactly one succeeds', async () => {
      const userId = user('race')
      const request = candidate(now, { userId })
      await store().open(request, opts)
      await store().transition(request.id, { from: ['pending'] }, { status: 'approved', expiresAt: new Date(now + 5 * minute).toISOString() })
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store().transition(request.id, { from: ['approved'], liveAt: now }, { status: 'used', usedAt: `t${i}` })),
      )
      expect(results.filter((result) => result !== undefined)).toHaveLength(1)
    })

    it('lists a user’s requests newest first, by status when asked', async () => {
      const userId = user('list')
      const a = candidate(now, { userId, path: '/a' })
      const b = candidate(now, { userId, path: '/b' })
      await store().open(a, opts)
      await store().open(b, opts)
      await store().open(candidate(now, { userId: user('stranger') }), opts)
      await store().transition(a.id, { from: ['pending'] }, { status: 'declined' })
      expect((await store().listByUser(userId)).map((r) => r.id)).toEqual([b.id, a.id])
      expect((await store().listByUser(userId, { status: 'pending' })).map((r) => r.id)).toEqual([b.id])
      expect(await store().listByUser(user('nobody'))).toEqual([])
    })
  })
}
