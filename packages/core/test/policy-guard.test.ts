import { describe, expect, it } from 'vitest'
import type { ApprovalStore } from '../src/policy/approval-store.js'
import { createApprovals } from '../src/policy/approvals.js'
import { type GuardOutcome, type GuardRefusal, guardRequest, requestKind } from '../src/policy/guard-decision.js'
import { createMemoryApprovalStore } from '../src/policy/memory-approval-store.js'
import { type AgentPolicyOptions, resolvePolicy } from '../src/policy/rules.js'
import type { AgentSessionAuth } from '../src/policy/session-link.js'
import { createSessionLinker } from '../src/policy/session-link-cache.js'
import { countingLedger, ledgerRecord, totalCalls } from './policy-ledger.js'

/** The real memory approval store behind a call counter and an off switch. */
function countingApprovalStore() {
  const inner = createMemoryApprovalStore()
  const calls: Record<string, number> = {}
  const down = { value: false }
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1
    if (down.value) throw new Error('approval store unreachable')
  }
  const store: ApprovalStore = {
    open: async (candidate, options) => {
      count('open')
      return inner.open(candidate, options)
    },
    get: async (id) => {
      count('get')
      return inner.get(id)
    },
    transition: async (id, expected, patch) => {
      count('transition')
      return inner.transition(id, expected, patch)
    },
    listByUser: async (userId, filter) => {
      count('listByUser')
      return inner.listByUser(userId, filter)
    },
  }
  return { store, calls, down }
}

async function setup(options: AgentPolicyOptions = {}) {
  const ledger = countingLedger()
  await ledger.store.save(ledgerRecord('at_plain', 'user_1', 'sess_plain'))
  await ledger.store.save(ledgerRecord('at_ro', 'user_1', 'sess_ro', 'read-only'))
  await ledger.store.save(ledgerRecord('at_gone', 'user_1', 'sess_gone', 'retired-scope'))
  for (const name of Object.keys(ledger.calls)) delete ledger.calls[name]
  const approvalStore = countingApprovalStore()
  const policy = resolvePolicy(options, { agentTasksPath: '/api/agent-tasks' })
  const approvals = createApprovals({ store: approvalStore.store, policy })
  const deps = { policy, links: createSessionLinker(ledger.lookup), approvals }
  const guard = (auth: AgentSessionAuth | null | undefined, method: string, path: string, accept?: string) =>
    guardRequest({ auth, method, path, accept }, deps)
  return { ledger, approvalStore, approvals, guard }
}

const person: AgentSessionAuth = { userId: 'user_1', sessionId: 'sess_person', actor: null }
const agent = (sessionId: string): AgentSessionAuth => ({ userId: 'user_1', sessionId, actor: { type: 'agent', sub: 'agt_1' } })

function refused(outcome: GuardOutcome): GuardRefusal {
  if (outcome.pass) throw new Error('expected a refusal')
  return outcome
}

describe('guardRequest', () => {
  it("passes a person's request, and a signed-out one, without a single store call", async () => {
    const { guard, ledger, approvalStore } = await setup()
    for (const path of ['/dashboard', '/billing', '/api/agent-tasks', '/admin/../billing']) {
      expect(await guard(person, 'POST', path)).toEqual({ pass: true })
      expect(await guard({ userId: 'user_1', actor: { type: 'impersonation' } }, 'DELETE', path)).toEqual({ pass: true })
      expect(await guard(undefined, 'GET', path)).toEqual({ pass: true })
      expect(await guard({ userId: null }, 'GET', path)).toEqual({ pass: true })
    }
    expect(totalCalls(ledger.calls)).toBe(0)
    expect(totalCalls(approvalStore.calls)).toBe(0)
  })

  it('lets an agent do what its link allows, remembering its link', async () => {
    const { guard, ledger } = await setup()
    expect(await guard(agent('sess_plain'), 'POST', '/posts')).toEqual({ pass: true, agent: { link: { agentTaskId: 'at_plain', scope: undefined } } })
    expect(await guard(agent('sess_ro'), 'GET', '/dashboard?tab=1')).toEqual({ pass: true, agent: { link: { agentTaskId: 'at_ro', scope: 'read-only' } } })
    await guard(agent('sess_ro'), 'GET', '/reports')
    expect(ledger.calls.findBySession).toBe(2)
  })

  it('refuses an agent on the agent-tasks routes with a 403 problem document', async () => {
    const { guard } = await setup()
    const refusal = refused(await guard(agent('sess_plain'), 'POST', '/api/agent-tasks/at_1/revoke', 'application/json'))
    expect(refusal).toMatchObject({ status: 403, kind: 'api', link: { agentTaskId: 'at_plain' }, decision: { effect: 'deny', reason: 'rule' } })
    expect(refusal.problem).toEqual({
      type: 'urn:agent-tasks:error:agent_action_forbidden',
      title: 'Agents may not do this',
      status: 403,
      detail: 'Agents may not do this (built-in rule: * /api/agent-tasks/**).',
      code: 'agent_action_forbidden',
    })
  })

  it('refuses a write from a read-only link', async () => {
    const { guard } = await setup()
    const refusal = refused(await guard(agent('sess_ro'), 'POST', '/dashboard'))
    expect(refusal.decision).toEqual({ effect: 'deny', reason: 'outside-scope' })
    expect(refusal.problem.detail).toContain('"read-only"')
  })

  it('refuses every request of a link whose scope the app no longer declares', async () => {
    const { guard } = await setup()
    expect(refused(await guard(agent('sess_gone'), 'GET', '/dashboard')).decision).toEqual({ effect: 'deny', reason: 'unknown-scope' })
  })

  it('gives an agent session the ledger cannot place the default policy', async () => {
    const { guard } = await setup()
    expect((await guard(agent('sess_unknown'), 'POST', '/posts')).pass).toBe(true)
    expect(refused(await guard(agent('sess_unknown'), 'GET', '/api/agent-tasks')).decision).toMatchObject({ effect: 'deny' })
    expect(refused(await guard(agent('sess_unknown'), 'GET', '/billing')).problem.approval).toBeDefined()
  })

  it("refuses an unplaced agent session everything with unplacedAgentSessions: 'deny'", async () => {
    const { guard } = await setup({ unplacedAgentSessions: 'deny' })
    expect(refused(await guard(agent('sess_unknown'), 'GET', '/dashboard')).status).toBe(403)
    expect((await guard(agent('sess_plain'), 'GET', '/dashboard')).pass).toBe(true)
  })

  it('answers 503 when the ledger is down, never letting the agent through', async () => {
    const { guard, ledger } = await setup()
    ledger.down.value = true
    const refusal = refused(await guard(agent('sess_plain'), 'GET', '/dashboard', 'text/html'))
    expect(refusal).toMatchObject({ status: 503, kind: 'page', problem: { status: 503, code: 'store_unavailable' } })
    ledger.down.value = false
    expect((await guard(agent('sess_plain'), 'GET', '/dashboard')).pass).toBe(true)
  })

  it('answers 503 when the approval store is down on an ask', async () => {
    const { guard, approvalStore } = await setup()
    approvalStore.down.value = true
    expect(refused(await guard(agent('sess_plain'), 'GET', '/billing'))).toMatchObject({ status: 503, problem: { code: 'store_unavailable' } })
  })

  it('asks the person: refused with an approval reference, then let through once approved', async () => {
    const { guard, approvals } = await setup()
    const first = refused(await guard(agent('sess_plain'), 'GET', '/billing/', 'text/html,application/xhtml+xml'))
    expect(first).toMatchObject({ status: 403, kind: 'page', decision: { effect: 'ask' } })
    const approval = first.problem.approval
    expect(approval).toMatchObject({ status: 'pending' })
    expect(first.approvalId).toBe(approval?.id)
    expect(first.problem.detail).toContain(`Approval ${approval?.id} waits`)
    // the same request again finds the same pending approval
    expect(refused(await guard(agent('sess_plain'), 'GET', '/billing')).approvalId).toBe(approval?.id)
    const listed = await approvals.listPending(person)
    expect(listed.ok && listed.requests.map((r) => [r.id, r.method, r.path, r.agentTaskId])).toEqual([[approval?.id, 'GET', '/billing', 'at_plain']])
    expect((await approvals.decide(approval?.id ?? '', person, 'approve')).ok).toBe(true)
    expect(await guard(agent('sess_plain'), 'GET', '/billing')).toEqual({
      pass: true,
      agent: { link: { agentTaskId: 'at_plain', scope: undefined }, approvalId: approval?.id },
    })
  })

  it('a declined ask stays refused', async () => {
    const { guard, approvals } = await setup()
    const first = refused(await guard(agent('sess_plain'), 'POST', '/account/email'))
    await approvals.decide(first.approvalId ?? '', person, 'decline')
    const retry = refused(await guard(agent('sess_plain'), 'POST', '/account/email'))
    expect(retry.approvalId).not.toBe(first.approvalId)
  })

  it('refuses without a new approval once too many wait for the person', async () => {
    const { guard } = await setup({ maxPendingApprovalsPerUser: 1 })
    refused(await guard(agent('sess_plain'), 'GET', '/billing/1'))
    const refusal = refused(await guard(agent('sess_plain'), 'GET', '/billing/2'))
    expect(refusal.approvalId).toBeUndefined()
    expect(refusal.problem.detail).toContain('Too many requests already wait')
  })

  it('refuses an agent request whose path cannot be read', async () => {
    const { guard } = await setup()
    expect(refused(await guard(agent('sess_plain'), 'GET', 'dashboard')).decision).toEqual({ effect: 'deny', reason: 'invalid-path' })
  })
})

describe('requestKind', () => {
  it.each([
    ['GET', 'text/html,application/xhtml+xml,*/*;q=0.8', 'page'],
    ['HEAD', 'text/html', 'page'],
    ['get', 'application/json, text/html;q=0.1', 'page'],
    ['GET', 'application/json', 'api'],
    ['GET', '*/*', 'api'],
    ['GET', undefined, 'api'],
    ['POST', 'text/html', 'api'],
  ])('%s with Accept %s → %s', (method, accept, kind) => {
    expect(requestKind(method, accept)).toBe(kind)
  })
})
