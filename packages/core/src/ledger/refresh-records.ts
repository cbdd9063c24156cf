import { agentTaskIdOf, findUserId, listAgentSessions, toTaskSession } from '../clerk/agent-sessions.js'
import { AgentTaskError } from '../errors.js'
import { runHook } from '../hooks.js'
import { type AgentTaskRecord, type AgentTaskSession, canStillAct } from '../store/types.js'
import type { ClerkSession } from '../types.js'
import type { LedgerDeps, SignedCall } from './ledger-deps.js'

/**
 * Whether Clerk may know more about a record than the store: unused links, and used ones whose session
 * may still run — including a used link whose session is not known yet, which is looked up again each
 * time until it is found or could no longer be live.
 */
export function isOpen(record: AgentTaskRecord, now: number = Date.now()): boolean {
  return record.status === 'pending' || (record.status === 'used' && canStillAct(record, now))
}

/** The record's sessions as Clerk shows them now: those not among the user's active sessions have ended. */
function sessionsNow(known: readonly AgentTaskSession[], active: readonly AgentTaskSession[]): AgentTaskSession[] {
  const activeIds = new Set(active.map((session) => session.sessionId))
  const merged = new Map<string, AgentTaskSession>()
  for (const session of known) merged.set(session.sessionId, activeIds.has(session.sessionId) ? session : endedSession(session))
  for (const session of active) merged.set(session.sessionId, session)
  return [...merged.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
}

const endedSession = (session: AgentTaskSession): AgentTaskSession => (session.status === 'active' ? { ...session, status: 'ended' } : session)

const sameSessions = (a: readonly AgentTaskSession[] | undefined, b: readonly AgentTaskSession[]) =>
  a !== undefined && a.length === b.length && a.every((session, index) => session.sessionId === b[index]?.sessionId && session.status === b[index]?.status)

/** The Clerk user each record's link signs in; links minted for an identifier are looked up once and remembered. */
async function subjectsOf<Context>(deps: LedgerDeps<Context>, records: AgentTaskRecord[], call: SignedCall<Context>) {
  const subjects = new Map<string, string>()
  const lookups = new Map<string, Promise<string | undefined>>()
  await Promise.all(
    records.map(async (record) => {
      let userId = record.subjectUserId
      if (userId === undefined && record.subjectIdentifier !== undefined) {
        const identifier = record.subjectIdentifier
        let lookup = lookups.get(identifier)
        if (!lookup) {
          lookup = deps.clerk('list', call, (client) => findUserId(client, identifier))
          lookups.set(identifier, lookup)
        }
        userId = await lookup
        if (userId !== undefined) await deps.resolved.store.update(record.agentTaskId, { subjectUserId: userId })
      }
      if (userId !== undefined) subjects.set(record.agentTaskId, userId)
    }),
  )
  return subjects
}

/**
 * Revokes a link left unused past its lifetime: `expired`, or `used` when Clerk refuses because it
 * was used after all. A failure leaves it `pending`, to be tried again the next time it is met.
 */
async function expire<Context>(deps: LedgerDeps<Context>, record: AgentTaskRecord, call: SignedCall<Context>) {
  const { store, hooks } = deps.resolved
  try {
    await deps.clerk('revoke', call, (client) => client.agentTasks.revoke(record.agentTaskId))
  } catch (error) {
    if (error instanceof AgentTaskError && error.code === 'agent_task_already_used') {
      return store.update(record.agentTaskId, { status: 'used' }, ['pending'])
    }
    return undefined
  }
  const expired = await store.update(record.agentTaskId, { status: 'expired', revokedAt: new Date().toISOString() }, ['pending'])
  if (expired?.status === 'expired') await runHook(hooks, 'onRevoked', { record: expired, ...call })
  return expired
}

/**
 * With `pollClerkForSessions: false`, records learn of sessions from Clerk's webhooks alone: only the
 * unused links past their lifetime are revoked and `expired`, without listing anyone's sessions.
 */
async function expireUnused<Context>(
  deps: LedgerDeps<Context>,
  records: AgentTaskRecord[],
  open: AgentTaskRecord[],
  call: SignedCall<Context>,
  nowMs: number,
): Promise<AgentTaskRecord[]> {
  const now = new Date(nowMs).toISOString()
  const refreshed = new Map<string, AgentTaskRecord>()
  await Promise.all(
    open
      .filter((record) => record.status === 'pending' && record.expiresAt <= now)
      .map(async (record) => {
        const next = await expire(deps, record, call)
        if (next) refreshed.set(record.agentTaskId, next)
      }),
  )
  return records.map((record) => refreshed.get(record.agentTaskId) ?? record)
}

/**
 * Brings records up to date with Clerk from the subjects' active agent sessions (every page of them,
 * one listing per subject): a link is `used` once Clerk shows a session it opened; a known session no
 * longer active has ended; an unused link past its lifetime is revoked and `expired`. Returns the
 * records in the same order, as stored now.
 */
export async function refreshRecords<Context>(
  deps: LedgerDeps<Context>,
  records: AgentTaskRecord[],
  call: SignedCall<Context>,
  /** Users' active agent sessions the caller has just listed: not asked of Clerk again. */
  listed?: ReadonlyMap<string, ClerkSession[]>,
): Promise<AgentTaskRecord[]> {
  const nowMs = Date.now()
  const open = records.filter((record) => isOpen(record, nowMs))
  if (open.length === 0) return records
  if (!deps.resolved.pollClerkForSessions) return expireUnused(deps, records, open, call, nowMs)
  const subjects = await subjectsOf(deps, open, call)
  const sessionsByUser = new Map<string, ClerkSession[]>()
  await Promise.all(
    [...new Set(subjects.values())].map(async (userId) => {
      sessionsByUser.set(userId, listed?.get(userId) ?? (await deps.clerk('list', call, (client) => listAgentSessions(client, userId))))
    }),
  )
  const now = new Date(nowMs).toISOString()
  const refreshed = new Map<string, AgentTaskRecord>()
  await Promise.all(
    open.map(async (record) => {
      const userId = subjects.get(record.agentTaskId)
      if (userId === undefined) return
      const active = (sessionsByUser.get(userId) ?? []).filter((session) => agentTaskIdOf(session) === record.agentTaskId).map(toTaskSession)
      let next: AgentTaskRecord | undefined
      if (active.length > 0 || (record.status === 'used' && (record.sessions?.length ?? 0) > 0)) {
        const sessions = sessionsNow(record.sessions ?? [], active)
        if (record.status === 'used' && sameSessions(record.sessions, sessions)) return
        const usedAt = record.usedAt ?? sessions[0]?.createdAt
        next = await deps.resolved.store.update(
          record.agentTaskId,
          { status: 'used', sessions, ...(usedAt === undefined ? {} : { usedAt }) },
          ['pending', 'used'],
        )
      } else if (record.status === 'pending' && record.expiresAt <= now) {
        next = await expire(deps, record, call)
      }
      if (next) refreshed.set(record.agentTaskId, next)
    }),
  )
  return records.map((record) => refreshed.get(record.agentTaskId) ?? record)
}
