import {
  type ApprovalKey,
  type ApprovalPatch,
  type ApprovalRequest,
  type ApprovalStore,
  approvalIsLive,
  approvalStatusAt,
} from './approval-store.js'
import type { ResolvedPolicy, RuleRef } from './rules.js'
import { type AgentSessionAuth, isAgentAuth } from './session-link.js'

/**
 * The approval flow:
 *   pending ──approve (the person)──▶ approved ──retry (unsafe method)──▶ used
 *      │                                 │
 *      ├──decline (the person)──▶ declined
 *      └──past expiresAt──▶ expired ◀────┘ past expiresAt
 * An approval covers the same user, agent session, method and normalised path. For GET, HEAD and
 * OPTIONS it lets every retry pass until it expires (a page reloads, a browser asks HEAD); for any
 * other method it lets exactly one retry pass (each write needs its own yes).
 */
export interface Approvals {
  /**
   * On an `ask`: lets the request pass when an approval covers it (using it up for unsafe methods),
   * else opens a pending request (or finds the one already waiting) for the person to answer.
   */
  admit(key: ApprovalKey, details: { rule: RuleRef; agentTaskId?: string | undefined }): Promise<AdmitResult>
  /** The person's answer. Only a signed-in, non-agent session of the request's user may give it. */
  decide(id: string, auth: AgentSessionAuth | null | undefined, answer: 'approve' | 'decline'): Promise<DecideResult>
  /** Requests waiting for this person's answer, newest first. */
  listPending(auth: AgentSessionAuth | null | undefined): Promise<ListResult>
}

export type AdmitResult =
  | { pass: true; request: ApprovalRequest }
  /** `opened`: this call saved the request (the first ask), rather than finding one already waiting. */
  | { pass: false; request: ApprovalRequest; opened: boolean }
  | { pass: false; limitReached: true }

/**
 * Refusals of the person's routes (their HTTP status in the design note):
 * `unauthenticated` 401, `agent_session` 403, `not_found` 404 (also another user's request: no
 * leak of which IDs exist), `expired` 409, `already_decided` 409.
 */
export type ApprovalRefusal = 'unauthenticated' | 'agent_session' | 'not_found' | 'expired' | 'already_decided'

export type DecideResult = { ok: true; request: ApprovalRequest } | { ok: false; reason: ApprovalRefusal; request?: ApprovalRequest }
export type ListResult = { ok: true; requests: ApprovalRequest[] } | { ok: false; reason: 'unauthenticated' | 'agent_session' }

export interface ApprovalsOptions {
  store: ApprovalStore
  policy: Pick<ResolvedPolicy, 'approvalTtlSeconds' | 'approvalRequestTtlSeconds' | 'maxPendingApprovalsPerUser'>
  /** Milliseconds since the epoch; for tests. */
  now?: () => number
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createApprovals({ store, policy, now = Date.now }: ApprovalsOptions): Approvals {
  const open = async (key: ApprovalKey, details: { rule: RuleRef; agentTaskId?: string | undefined }, at: number) => {
    const candidate = newRequest(key, details, at, policy.approvalRequestTtlSeconds)
    const found = await store.open(candidate, { maxPendingPerUser: policy.maxPendingApprovalsPerUser, now: at })
    return { found, opened: found !== 'limit_reached' && found.id === candidate.id }
  }

  return {
    async admit(key, details) {
      const at = now()
      const { found, opened } = await open(key, details, at)
      if (found === 'limit_reached') return { pass: false, limitReached: true }
      if (found.status !== 'approved') return { pass: false, request: found, opened }
      if (SAFE.has(key.method)) return { pass: true, request: found }
      const used = await store.transition(found.id, { from: ['approved'], liveAt: at }, { status: 'used', usedAt: iso(at) })
      if (used !== undefined) return { pass: true, request: used }
      // Another retry used the approval first (or it just expired): this one needs its own.
      const again = await open(key, details, at)
      return again.found === 'limit_reached' ? { pass: false, limitReached: true } : { pass: false, request: again.found, opened: again.opened }
    },

    async decide(id, auth, answer) {
      const refusal = personRefusal(auth)
      if (refusal !== undefined) return { ok: false, reason: refusal }
      const request = await store.get(id)
      if (request === undefined || request.userId !== auth?.userId) return { ok: false, reason: 'not_found' }
      const at = now()
      const patch: ApprovalPatch =
        answer === 'approve'
          ? { status: 'approved', expiresAt: iso(at + policy.approvalTtlSeconds * 1000), decidedAt: iso(at) }
          : { status: 'declined', decidedAt: iso(at) }
      if (typeof auth.sessionId === 'string') patch.decidedBySessionId = auth.sessionId
      const decided = await store.transition(id, { from: ['pending'], liveAt: at }, patch)
      if (decided !== undefined) return { ok: true, request: decided }
      const current = (await store.get(id)) ?? request
      return { ok: false, reason: approvalStatusAt(current, at) === 'expired' ? 'expired' : 'already_decided', request: current }
    },

    async listPending(auth) {
      const refusal = personRefusal(auth)
      if (refusal !== undefined) return { ok: false, reason: refusal }
      const at = now()
      const requests = await store.listByUser(auth?.userId ?? '', { status: 'pending' })
      return { ok: true, requests: requests.filter((request) => approvalIsLive(request, at)) }
    },
  }
}

/** Only the person may answer: signed in, and not through an agent session (an agent cannot approve itself). */
function personRefusal(auth: AgentSessionAuth | null | undefined): 'unauthenticated' | 'agent_session' | undefined {
  if (!auth || typeof auth.userId !== 'string' || auth.userId === '') return 'unauthenticated'
  if (isAgentAuth(auth)) return 'agent_session'
  return undefined
}

function newRequest(key: ApprovalKey, details: { rule: RuleRef; agentTaskId?: string | undefined }, at: number, ttlSeconds: number): ApprovalRequest {
  const request: ApprovalRequest = {
    id: newApprovalId(),
    userId: key.userId,
    sessionId: key.sessionId,
    method: key.method,
    path: key.path,
    rule: details.rule,
    status: 'pending',
    createdAt: iso(at),
    expiresAt: iso(at + ttlSeconds * 1000),
  }
  if (details.agentTaskId !== undefined) request.agentTaskId = details.agentTaskId
  return request
}

/** `apr_` + 128 random bits in hex. */
export function newApprovalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `apr_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
