import { AgentTaskError } from './errors.js'
import { runHook } from './hooks.js'
import type { LedgerDeps } from './ledger/ledger-deps.js'
import { loadLedgerOperations } from './ledger/load-operations.js'
import type { ResolvedOptions } from './options.js'
import type { ApprovalRequest } from './policy/approval-store.js'
import { type ApprovalRefusal, createApprovals } from './policy/approvals.js'
import { type GuardInput, type GuardOutcome, type GuardRefusal, guardRequest } from './policy/guard-decision.js'
import type { AgentSessionAuth, LinkLookup, LinkRecordView, LookupAsker } from './policy/session-link.js'
import { createSessionLinker } from './policy/session-link-cache.js'
import { createMemoryApprovalStore } from './policy/memory-approval-store.js'
import type { AgentTaskStore } from './store/types.js'
import type { AgentActionRefusedEvent, SignedInAuth } from './types.js'

/** The guard and the person's side of approvals, for one instance. */
export interface AgentPolicyService<Context> {
  /** Decides an agent session's request (a person's passes untouched) and reports refusals to the hooks. */
  guard(input: GuardInput & { context: Context }): Promise<GuardOutcome>
  /** The pending approval requests of the signed-in person, newest first. Throws `AgentTaskError`. */
  listApprovals(auth: SignedInAuth, context: Context): Promise<ApprovalRequest[]>
  /** The person's answer to a request. Throws `AgentTaskError` (`approval_not_found`, `approval_already_decided`, `approval_expired`, …). */
  decideApproval(auth: SignedInAuth, approvalId: unknown, answer: 'approve' | 'decline', context: Context): Promise<ApprovalRequest>
}

const APPROVAL_ID = /^apr_[0-9a-f]{32}$/
/** Records read to place a session when the store has no `findBySession`. */
const SCAN_LIMIT = 200

/**
 * The ledger as the guard reads it: by task ID, by session (the store's index, else a scan of the
 * user's records), and, when neither knows the session, from Clerk once (the session-link cache then
 * remembers the answer, or for a few seconds that there is none).
 */
function ledgerLookup<Context>(store: AgentTaskStore, ledger: LedgerDeps<Context>): LinkLookup {
  async function known(sessionId: string, userId: string): Promise<LinkRecordView | undefined> {
    if (store.findBySession !== undefined) return store.findBySession(sessionId)
    const records = await store.list({ subjectUserId: userId, limit: SCAN_LIMIT })
    return records.find((record) => (record.sessions ?? []).some((session) => session.sessionId === sessionId))
  }
  return {
    get: (agentTaskId) => store.get(agentTaskId),
    async findBySession(sessionId: string, asker: LookupAsker) {
      const userId = asker.auth.userId
      if (typeof userId !== 'string' || userId === '') return undefined
      const found = await known(sessionId, userId)
      if (found !== undefined || !ledger.resolved.pollClerkForSessions) return found
      const { learnSession } = await loadLedgerOperations()
      return learnSession(ledger, userId, sessionId, { auth: asker.auth as SignedInAuth, context: asker.context as Context })
    },
  }
}

export function createAgentPolicy<Context>(resolved: ResolvedOptions<Context>, ledger: LedgerDeps<Context>): AgentPolicyService<Context> {
  const { policy, hooks } = resolved
  const links = createSessionLinker(ledgerLookup(resolved.store, ledger))
  const approvalStore = resolved.approvalStore ?? createMemoryApprovalStore()
  const approvals = createApprovals({ store: approvalStore, policy })
  const deps = { policy, links, approvals }

  async function reportRefusal(input: GuardInput & { context: Context }, refusal: GuardRefusal): Promise<void> {
    if (refusal.approvalOpened && refusal.approvalId !== undefined && hooks.onApprovalRequested) {
      const request = await approvalStore.get(refusal.approvalId).catch(() => undefined)
      if (request !== undefined) await runHook(hooks, 'onApprovalRequested', { request, context: input.context })
    }
    if (!hooks.onAgentActionRefused) return
    const auth = input.auth as AgentSessionAuth
    const { decision } = refusal
    const event: AgentActionRefusedEvent<Context> = {
      code: refusal.problem.code,
      status: refusal.status,
      effect: refusal.status === 503 ? 'unavailable' : decision?.effect === 'ask' ? 'ask' : 'deny',
      reason:
        refusal.status === 503
          ? undefined
          : decision === undefined
            ? 'unplaced-session'
            : decision.effect === 'deny'
              ? decision.reason
              : refusal.approvalId === undefined
                ? 'approval-limit'
                : undefined,
      method: input.method.toUpperCase(),
      path: pathnameOf(input.path),
      kind: refusal.kind,
      rule: decision !== undefined && decision.effect !== 'allow' ? decision.rule : undefined,
      approvalId: refusal.approvalId,
      userId: typeof auth.userId === 'string' ? auth.userId : '',
      sessionId: typeof auth.sessionId === 'string' ? auth.sessionId : undefined,
      agentTaskId: refusal.link?.agentTaskId,
      scope: refusal.link?.scope,
      context: input.context,
    }
    await runHook(hooks, 'onAgentActionRefused', event)
  }

  async function answer(auth: SignedInAuth, approvalId: unknown, verdict: 'approve' | 'decline', context: Context) {
    if (typeof approvalId !== 'string' || !APPROVAL_ID.test(approvalId)) {
      throw new AgentTaskError('invalid_request', 'Invalid request: check approvalId.', {
        fields: [{ field: 'approvalId', message: 'must be an approval request ID (apr_ and 32 hex digits)' }],
      })
    }
    const result = await storeCall(() => approvals.decide(approvalId, auth, verdict))
    if (!result.ok) throw approvalError(result.reason, result.request)
    if (hooks.onApprovalDecided) await runHook(hooks, 'onApprovalDecided', { request: result.request, answer: verdict, auth, context })
    return result.request
  }

  return {
    async guard(input) {
      const outcome = await guardRequest(input, deps)
      if (!outcome.pass) {
        await reportRefusal(input, outcome)
      } else if (outcome.agent?.approvalId !== undefined && hooks.onApprovalUsed) {
        const request = await approvalStore.get(outcome.agent.approvalId).catch(() => undefined)
        if (request !== undefined) await runHook(hooks, 'onApprovalUsed', { request, context: input.context })
      }
      return outcome
    },
    async listApprovals(auth) {
      const result = await storeCall(() => approvals.listPending(auth))
      if (!result.ok) throw approvalError(result.reason)
      return result.requests
    },
    decideApproval: answer,
  }
}

/** An approval store failure is a 503, like a ledger failure. */
async function storeCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AgentTaskError) throw error
    throw new AgentTaskError('store_unavailable', 'The approval records could not be read. Try again.', { cause: error })
  }
}

function approvalError(reason: ApprovalRefusal, request?: ApprovalRequest): AgentTaskError {
  switch (reason) {
    case 'unauthenticated':
      return new AgentTaskError('unauthenticated', 'Sign in to answer approval requests.')
    case 'agent_session':
      return new AgentTaskError('agent_session_forbidden', 'This session was created by an agent task; only the person can see and answer approval requests.')
    case 'not_found':
      return new AgentTaskError('approval_not_found', 'No approval request with this ID waits for you.')
    case 'expired':
      return new AgentTaskError('approval_expired', 'This approval request expired; the agent must ask again.')
    case 'already_decided':
      return new AgentTaskError('approval_already_decided', `This approval request was already answered (${request?.status ?? 'answered'}).`)
  }
}

function pathnameOf(path: string): string {
  const cut = path.search(/[?#]/)
  return cut === -1 ? path : path.slice(0, cut)
}
