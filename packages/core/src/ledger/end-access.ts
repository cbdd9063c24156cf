import { agentTaskIdOf, listAgentSessions } from '../clerk/agent-sessions.js'
import { AgentTaskError } from '../errors.js'
import { runHook } from '../hooks.js'
import type { AgentTaskRecord, AgentTaskSession, InvolvingFilter } from '../store/types.js'
import { involvingUser } from './list-links.js'
import type { LedgerDeps, SignedCall } from './ledger-deps.js'
import { refreshRecords } from './refresh-records.js'

/** A session to end, with what the kill switch reports about it. */
export interface SessionToEnd {
  sessionId: string
  userId: string
  actor: Record<string, unknown> | null
  agentTaskId: string | undefined
}

/** Marks the sessions ended on the record of the link that opened them. */
async function recordEnded<Context>(deps: LedgerDeps<Context>, agentTaskId: string, endedIds: ReadonlySet<string>) {
  const { store } = deps.resolved
  const record = await store.get(agentTaskId)
  if (!record?.sessions) return record
  const sessions: AgentTaskSession[] = record.sessions.map((s) => (endedIds.has(s.sessionId) && s.status === 'active' ? { ...s, status: 'revoked' } : s))
  return store.update(agentTaskId, { sessions }, ['used'])
}

/**
 * Revokes each session through Clerk (`sessions.revokeSession`), updates the records of the links
 * that opened them and fires `onSessionEnded`. Returns the IDs ended; throws after trying them all
 * when Clerk failed for any.
 */
export async function endSessions<Context>(deps: LedgerDeps<Context>, targets: SessionToEnd[], call: SignedCall<Context>): Promise<string[]> {
  const ended: string[] = []
  let failure: AgentTaskError | undefined
  for (const target of targets) {
    try {
      await deps.clerk('revoke', call, (client) => client.sessions.revokeSession(target.sessionId))
      ended.push(target.sessionId)
      await runHook(deps.resolved.hooks, 'onSessionEnded', { ...target, ...call })
    } catch (error) {
      failure ??= error instanceof AgentTaskError ? error : new AgentTaskError('upstream_error', 'Clerk failed to end a session.', { cause: error })
    }
  }
  const endedIds = new Set(ended)
  for (const agentTaskId of new Set(targets.filter((t) => endedIds.has(t.sessionId)).map((t) => t.agentTaskId))) {
    if (agentTaskId !== undefined) await recordEnded(deps, agentTaskId, endedIds)
  }
  if (failure) {
    throw new AgentTaskError(failure.code, `Ended ${ended.length} of ${targets.length} agent sessions: ${failure.message} Run it again to end the rest.`, {
      cause: failure,
      ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
    })
  }
  return ended
}

function activeSessionsOf(record: AgentTaskRecord): SessionToEnd[] {
  return (record.sessions ?? [])
    .filter((session) => session.status === 'active')
    .map((session) => ({
      sessionId: session.sessionId,
      userId: record.subjectUserId ?? '',
      actor: { type: 'agent', sub: record.agentId, task_id: record.agentTaskId },
      agentTaskId: record.agentTaskId,
    }))
}

/**
 * The kill switch for one used link: ends the Clerk session(s) it opened. 409 when Clerk shows no
 * session for it (it cannot be told apart; "end all agent access" ends every agent session of the user)
 * or when they have all ended already.
 */
export async function endLinkAccess<Context>(deps: LedgerDeps<Context>, record: AgentTaskRecord, call: SignedCall<Context>) {
  const [current] = await refreshRecords(deps, [record], call)
  const used = current ?? record
  if (!used.sessions || used.sessions.length === 0) {
    throw new AgentTaskError(
      'agent_task_already_used',
      'This link was already used, and Clerk shows no active session tagged with it. End all agent access for the user instead (POST {base}/revoke-all).',
    )
  }
  const active = activeSessionsOf(used)
  if (active.length === 0) {
    throw new AgentTaskError('agent_session_already_ended', 'This link was used, and the session it opened has already ended.')
  }
  await endSessions(deps, active, call)
  return (await deps.resolved.store.get(used.agentTaskId)) ?? used
}

export interface RevokeAllResult {
  /** The user whose agent access was ended. */
  userId: string
  /** Unused links revoked. */
  revokedAgentTaskIds: string[]
  /** Agent sessions ended: the user's own, and those opened by links the user minted for others. */
  endedSessionIds: string[]
}

/** Every record matching the filter, page by page. */
async function listAll<Context>(deps: LedgerDeps<Context>, filter: { involving: InvolvingFilter; status: 'pending' | 'used' }) {
  const all: AgentTaskRecord[] = []
  for (;;) {
    const last = all.at(-1)
    const page = await deps.resolved.store.list({ ...filter, limit: 100, ...(last ? { after: last } : {}) })
    all.push(...page)
    if (page.length < 100) return all
  }
}

/**
 * "End all agent access" for `userId`: revokes every unused link that would sign the user in (minted
 * by them, or by anyone for them — by user ID, email, phone or username) or that they minted for
 * someone else; ends every active agent session of the user (minted here or anywhere else: the Clerk
 * Dashboard, another app, a test) and every active session opened by a link the user minted for
 * someone else.
 */
export async function revokeAllAccess<Context>(deps: LedgerDeps<Context>, userId: string, call: SignedCall<Context>): Promise<RevokeAllResult> {
  const { store, hooks } = deps.resolved
  const involving = await involvingUser(deps, userId, call)
  const pending = await refreshRecords(deps, await listAll(deps, { involving, status: 'pending' }), call)
  const revokedAgentTaskIds: string[] = []
  for (const record of pending.filter((r) => r.status === 'pending')) {
    try {
      await deps.clerk('revoke', call, (client) => client.agentTasks.revoke(record.agentTaskId))
    } catch (error) {
      if (error instanceof AgentTaskError && error.code === 'agent_task_already_used') {
        await store.update(record.agentTaskId, { status: 'used' }, ['pending'])
        continue
      }
      throw error
    }
    const revoked = await store.update(record.agentTaskId, { status: 'revoked', revokedAt: new Date().toISOString() }, ['pending', 'used'])
    if (revoked?.status === 'revoked') {
      revokedAgentTaskIds.push(record.agentTaskId)
      await runHook(hooks, 'onRevoked', { record: revoked, ...call })
    }
  }

  const own = await deps.clerk('revoke-all', call, (client) => listAgentSessions(client, userId))
  const targets = new Map<string, SessionToEnd>()
  for (const session of own.filter((s) => s.status === 'active')) {
    targets.set(session.id, { sessionId: session.id, userId: session.userId, actor: session.actor, agentTaskId: agentTaskIdOf(session) })
  }
  const used = await refreshRecords(deps, await listAll(deps, { involving, status: 'used' }), call)
  for (const target of used.flatMap(activeSessionsOf)) if (!targets.has(target.sessionId)) targets.set(target.sessionId, target)
  const endedSessionIds = await endSessions(deps, [...targets.values()], call)
  return { userId, revokedAgentTaskIds, endedSessionIds }
}
