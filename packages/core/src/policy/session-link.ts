import type { AgentTasksAuth } from '../types.js'

/** The fields of a ledger record the guard reads. `AgentTaskRecord` fits (with `scope` once records carry it). */
export interface LinkRecordView {
  agentTaskId: string
  subjectUserId?: string | undefined
  sessions?: ReadonlyArray<{ sessionId: string }> | undefined
  scope?: string | undefined
}

/** How the guard reads the ledger. The store provides both; either may throw when it is unreachable. */
export interface LinkLookup {
  /**
   * The record of the link that opened this Clerk session. `asker` is the request asking (its auth and
   * the framework's request object): a lookup may ask Clerk for the user's sessions when the ledger
   * does not know the session yet.
   */
  findBySession(sessionId: string, asker: LookupAsker): Promise<LinkRecordView | undefined>
  /** The record of an agent task, by ID. */
  get(agentTaskId: string): Promise<LinkRecordView | undefined>
}

/** The request a lookup is made for. */
export interface LookupAsker {
  auth: AgentSessionAuth
  /** The framework's request object (for hooks), when the guard has one. */
  context?: unknown
}

/** The auth object as Clerk SDKs give it: `sessionClaims` holds the raw token claims (`act`, `sid`). */
export interface AgentSessionAuth extends AgentTasksAuth {
  sessionClaims?: { act?: unknown; [claim: string]: unknown } | null | undefined
}

export interface SessionLink {
  agentTaskId: string
  /** The scope the link was minted with; `undefined`: none. */
  scope: string | undefined
}

/** Whether the request comes from a session an agent task opened (`act.type === "agent"`, in `actor` or the claims). */
export function isAgentAuth(auth: AgentSessionAuth | null | undefined): auth is AgentSessionAuth {
  if (!auth) return false
  return auth.actor?.type === 'agent' || actClaim(auth)?.type === 'agent'
}

/**
 * The agent task ID the session's token names, if any: `task_id` (seen on real sessions, not in
 * Clerk's documentation) or `agent_task_id`, in `actor` or the raw `act` claim. Only a hint: it is
 * believed when the ledger's record for that task signs in this user or lists this session.
 */
export function taskIdHint(auth: AgentSessionAuth): string | undefined {
  for (const source of [auth.actor, actClaim(auth)]) {
    for (const key of ['task_id', 'agent_task_id']) {
      const value = source?.[key]
      if (typeof value === 'string' && value !== '') return value
    }
  }
  return undefined
}

/**
 * Which link opened the agent session, from the ledger: by the token's task ID hint when the record
 * confirms it, else by the session ID. `undefined` when the ledger cannot place the session. A ledger
 * failure is thrown, never read as "no link": the guard answers 503.
 */
export async function linkOfSession(auth: AgentSessionAuth, lookup: LinkLookup, context?: unknown): Promise<SessionLink | undefined> {
  const userId = typeof auth.userId === 'string' ? auth.userId : undefined
  const sessionId = typeof auth.sessionId === 'string' && auth.sessionId !== '' ? auth.sessionId : undefined
  const hint = taskIdHint(auth)
  if (hint !== undefined) {
    const record = await lookup.get(hint)
    if (record !== undefined && record.agentTaskId === hint && confirms(record, userId, sessionId, true)) return linkOf(record)
  }
  if (sessionId === undefined) return undefined
  const record = await lookup.findBySession(sessionId, { auth, context })
  return record !== undefined && confirms(record, userId, sessionId, false) ? linkOf(record) : undefined
}

/**
 * A record places the session when it lists the session (and does not sign in someone else), or, for
 * a hint, signs in this very user (the ledger may not have learned the session yet).
 */
function confirms(record: LinkRecordView, userId: string | undefined, sessionId: string | undefined, byHint: boolean): boolean {
  if (record.subjectUserId !== undefined && record.subjectUserId !== userId) return false
  const listed = sessionId !== undefined && (record.sessions ?? []).some((session) => session.sessionId === sessionId)
  return listed || (byHint && record.subjectUserId !== undefined)
}

function linkOf(record: LinkRecordView): SessionLink {
  return { agentTaskId: record.agentTaskId, scope: typeof record.scope === 'string' ? record.scope : undefined }
}

function actClaim(auth: AgentSessionAuth): Record<string, unknown> | undefined {
  const act = auth.sessionClaims?.act
  return typeof act === 'object' && act !== null ? (act as Record<string, unknown>) : undefined
}
