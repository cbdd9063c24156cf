import { describe, expect, it } from 'vitest'
import type { ApprovalKey, ApprovalRequest, ApprovalStore } from '../src/policy/approval-store.js'
import { approvalStatusAt } from '../src/policy/approval-store.js'
import { createApprovals, newApprovalId } from '../src/policy/approvals.js'
import { createMemoryApprovalStore } from '../src/policy/memory-approval-store.js'
import type { RuleRef } from '../src/policy/rules.js'

const rule: RuleRef = { source: 'built-in', index: 1, effect: 'ask', methods: '*', paths: ['/billing/**'] }
const person = { userId: 'user_1', sessionId: 'sess_person' }
const agentSession = { userId: 'user_1', sessionId: 'sess_agent', actor: { type: 'agent', sub: 'agt_1' } }
const key = (method: string, path: string, sessionId = 'sess_agent'): ApprovalKey => ({ userId: 'user_1', sessionId, method, path })

function setup(options: { approvalTtlSeconds?: number; approvalRequestTtlSeconds?: number; maxPendingApprovalsPerUser?: number; store?: ApprovalStore } = {}) {
  const time = { now: Date.parse('2026-03-01T12:00:00.000Z') }
  const store = options.store ?? createMemoryApprovalStore()
  const approvals = createApprovals({
    store,
    policy: {
      approvalTtlSeconds: options.approvalTtlSeconds ?? 300,
      approvalRequestTtlSeconds: options.approvalRequestTtlSeconds ?? 900,
      maxPendingApprovalsPerUser: options.maxPendingApprovalsPerUser ?? 20,
    },
    now: () => time.now,
  })
  const ask = async (method: string, path: string, sessionId?: string) => approvals.admit(key(method, path, sessionId), { rule, agentTaskId: 'at_1' })
  const pendingOf = async (method: string, path: string): Promise<ApprovalRequest> => {
    const result = await ask(method, path)
    if (result.pass || !('request' in result)) throw new Error('expected a pending request')
    return result.request
  }
  return { time, store, approvals, ask, pendingOf }
}

describe('approvals', () => {
  it('an ask opens one pending request per session, method and path, and finds it again', async () => {
    const { ask, pendingOf, approvals } = setup()
    const first = await pendingOf('GET', '/billing')
    expect(first).toMatchObject({ userId: 'user_1', sessionId: 'sess_agent', agentTaskId: 'at_1', method: 'GET', path: '/billing', status: 'pending', rule })
    expect(first.id).toMatch(/^apr_[0-9a-f]{32}$/)
    expect(first.expiresAt).toBe('2026-03-01T12:15:00.000Z')
    expect(await ask('GET', '/billing')).toEqual({ pass: false, request: first, opened: false })
    const other = await pendingOf('POST', '/billing')
    expect(other.id).not.toBe(first.id)
    const listed = await approvals.listPending(person)
    expect(listed.ok && listed.requests.map((r) => r.id).sort()).toEqual([first.id, other.id].sort())
  })

  it('the person approves; a GET retry passes again and again until the approval expires', async () => {
    const { time, approvals, ask, pendingOf } = setup({ approvalTtlSeconds: 60 })
    const request = await pendingOf('GET', '/billing')
    const approved = await approvals.decide(request.id, person, 'approve')
    expect(approved).toMatchObject({ ok: true, request: { status: 'approved', decidedBySessionId: 'sess_person', expiresAt: '2026-03-01T12:01:00.000Z' } })
    expect((await ask('GET', '/billing')).pass).toBe(true)
    time.now += 59_000
    expect((await ask('GET', '/billing')).pass).toBe(true)
    time.now += 1_000
    const after = await ask('GET', '/billing')
    expect(after.pass).toBe(false)
    expect('request' in after && after.request.id).not.toBe(request.id)
  })

  it('an approved write passes once: the next identical write needs a new approval', async () => {
    const { approvals, ask, pendingOf } = setup()
    const request = await pendingOf('POST', '/billing/card')
    await approvals.decide(request.id, person, 'approve')
    const retry = await ask('POST', '/billing/card')
    expect(retry).toMatchObject({ pass: true, request: { id: request.id, status: 'used' } })
    const again = await ask('POST', '/billing/card')
    expect(again.pass).toBe(false)
    expect('request' in again && again.request).toMatchObject({ status: 'pending' })
    expect('request' in again && again.request.id).not.toBe(request.id)
  })

  it('two concurrent retries of one approved write: exactly one passes', async () => {
    const { approvals, ask, pendingOf } = setup()
    const request = await pendingOf('DELETE', '/billing/card')
    await approvals.decide(request.id, person, 'approve')
    const results = await Promise.all([ask('DELETE', '/billing/card'), ask('DELETE', '/billing/card'), ask('DELETE', '/billing/card')])
    expect(results.filter((result) => result.pass)).toHaveLength(1)
  })

  it('an approval covers only its method, path and session', async () => {
    const { approvals, ask, pendingOf } = setup()
    const request = await pendingOf('GET', '/billing/invoices')
    await approvals.decide(request.id, person, 'approve')
    expect((await ask('POST', '/billing/invoices')).pass).toBe(false)
    expect((await ask('GET', '/billing/invoices/1')).pass).toBe(false)
    expect((await ask('GET', '/billing')).pass).toBe(false)
    expect((await ask('GET', '/billing/invoices', 'sess_other_agent')).pass).toBe(false)
    expect((await ask('GET', '/billing/invoices')).pass).toBe(true)
  })

  it('an agent session cannot approve or list, even its own request', async () => {
    const { approvals, pendingOf } = setup()
    const request = await pendingOf('GET', '/billing')
    expect(await approvals.decide(request.id, agentSession, 'approve')).toEqual({ ok: false, reason: 'agent_session' })
    expect(await approvals.decide(request.id, { userId: 'user_1', sessionClaims: { act: { type: 'agent' } } }, 'approve')).toEqual({
      ok: false,
      reason: 'agent_session',
    })
    expect(await approvals.listPending(agentSession)).toEqual({ ok: false, reason: 'agent_session' })
    expect((await approvals.listPending(person)).ok).toBe(true)
  })

  it('only the same user may answer; another user sees "not found"; signed out is refused', async () => {
    const { approvals, pendingOf } = setup()
    const request = await pendingOf('GET', '/billing')
    expect(await approvals.decide(request.id, { userId: 'user_2', sessionId: 'sess_2' }, 'approve')).toEqual({ ok: false, reason: 'not_found' })
    expect(await approvals.decide(newApprovalId(), person, 'approve')).toEqual({ ok: false, reason: 'not_found' })
    expect(await approvals.decide(request.id, { userId: null }, 'approve')).toEqual({ ok: false, reason: 'unauthenticated' })
    expect(await approvals.decide(request.id, undefined, 'approve')).toEqual({ ok: false, reason: 'unauthenticated' })
    expect(await approvals.listPending({ userId: 'user_2' })).toEqual({ ok: true, requests: [] })
  })

  it('a declined request never lets the retry pass, and cannot be approved afterwards', async () => {
    const { approvals, ask, pendingOf } = setup()
    const request = await pendingOf('GET', '/billing')
    expect(await approvals.decide(request.id, person, 'decline')).toMatchObject({ ok: true, request: { status: 'declined' } })
    expect(await approvals.decide(request.id, person, 'approve')).toMatchObject({ ok: false, reason: 'already_decided' })
    const retry = await ask('GET', '/billing')
    expect(retry.pass).toBe(false)
    expect('request' in retry && retry.request).toMatchObject({ status: 'pending' })
    expect('request' in retry && retry.request.id).not.toBe(request.id)
  })

  it('a request not answered in time expires: it can no longer be approved and leaves the pending list', async () => {
    const { time, approvals, pendingOf } = setup({ approvalRequestTtlSeconds: 60 })
    const request = await pendingOf('GET', '/billing')
    time.now += 60_000
    expect(approvalStatusAt(request, time.now)).toBe('expired')
    expect(await approvals.decide(request.id, person, 'approve')).toMatchObject({ ok: false, reason: 'expired' })
    expect(await approvals.listPending(person)).toEqual({ ok: true, requests: [] })
  })

  it('an approval cannot be answered twice', async () => {
    const { approvals, pendingOf } = setup()
    const request = await pendingOf('GET', '/billing')
    await approvals.decide(request.id, person, 'approve')
    expect(await approvals.decide(request.id, person, 'decline')).toMatchObject({ ok: false, reason: 'already_decided', request: { status: 'approved' } })
  })

  it('stops adding requests past maxPendingApprovalsPerUser, per user', async () => {
    const { ask } = setup({ maxPendingApprovalsPerUser: 2 })
    await ask('GET', '/billing/1')
    await ask('GET', '/billing/2')
    expect(await ask('GET', '/billing/3')).toEqual({ pass: false, limitReached: true })
    expect((await ask('GET', '/billing/1')).pass).toBe(false) // the existing one is still found
    expect(await ask('GET', '/billing/1')).not.toHaveProperty('limitReached')
  })

  it('IDs are 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, newApprovalId))
    expect(ids.size).toBe(1000)
  })
})

describe('createMemoryApprovalStore', () => {
  it('drops only requests that can no longer act, oldest first, and refuses when all still can', async () => {
    const store = createMemoryApprovalStore({ maxRequests: 2 })
    const { time, approvals, ask } = setup({ store, approvalRequestTtlSeconds: 60 })
    const first = await ask('GET', '/billing/1')
    await ask('GET', '/billing/2')
    await expect(ask('GET', '/billing/3')).rejects.toMatchObject({ code: 'store_unavailable' })
    if (first.pass || !('request' in first)) throw new Error('expected pending')
    await approvals.decide(first.request.id, person, 'decline')
    const third = await ask('GET', '/billing/3')
    expect('request' in third && third.request.status).toBe('pending')
    expect(await store.get(first.request.id)).toBeUndefined()
    time.now += 60_000 // both live ones expire
    await ask('GET', '/billing/4')
    expect((await store.listByUser('user_1')).length).toBeLessThanOrEqual(2)
  })

  it('transition is a compare-and-set on status and expiry', async () => {
    const store = createMemoryApprovalStore()
    const { time, pendingOf } = setup({ store })
    const request = await pendingOf('GET', '/billing')
    expect(await store.transition(request.id, { from: ['approved'] }, { status: 'used' })).toBeUndefined()
    expect(await store.transition(request.id, { from: ['pending'], liveAt: time.now + 900_000 }, { status: 'approved' })).toBeUndefined()
    expect(await store.transition(request.id, { from: ['pending'], liveAt: time.now }, { status: 'declined' })).toMatchObject({ status: 'declined' })
    expect(await store.transition('apr_missing', { from: ['pending'] }, { status: 'declined' })).toBeUndefined()
  })

  it('returns copies: changing a returned request changes nothing stored', async () => {
    const store = createMemoryApprovalStore()
    const { pendingOf } = setup({ store })
    const request = await pendingOf('GET', '/billing')
    request.status = 'approved'
    expect((await store.get(request.id))?.status).toBe('pending')
  })
})
