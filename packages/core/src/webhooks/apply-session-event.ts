import type { SessionWebhookEvent } from '@clerk/backend/webhooks'
import { isAgentActor } from '../clerk/agent-sessions.js'
import { AgentTaskError } from '../errors.js'
import type { AgentTaskRecord, AgentTaskSession, AgentTaskStore } from '../store/types.js'

/** What a session event did to the ledger. */
export type SessionEventOutcome =
  /** The record of the link that opened the session now shows it (`used`, the session's status). */
  | { applied: true; agentTaskId: string }
  /** Nothing to do: not an agent session, a link not minted here, or the record already shows it. */
  | { applied: false; reason: 'not-an-agent-session' | 'unknown-link' | 'link-not-usable' | 'already-known' }

/** How many times a write lost to a concurrent one is tried again. */
const ATTEMPTS = 3
/** Records read to place a session when the store has no `findBySession` (as the guard does). */
const SCAN_LIMIT = 200

type SessionData = SessionWebhookEvent['data']

function taskIdOf(data: SessionData): string | undefined {
  const taskId = data.actor?.task_id
  return typeof taskId === 'string' && taskId !== '' ? taskId : undefined
}

async function recordOf(store: AgentTaskStore, data: SessionData): Promise<AgentTaskRecord | undefined> {
  const taskId = taskIdOf(data)
  if (taskId !== undefined) return store.get(taskId)
  if (store.findBySession !== undefined) return store.findBySession(data.id)
  const records = await store.list({ subjectUserId: data.user_id, limit: SCAN_LIMIT })
  return records.find((record) => (record.sessions ?? []).some((session) => session.sessionId === data.id))
}

function toTaskSession(data: SessionData): AgentTaskSession {
  return {
    sessionId: data.id,
    status: data.status,
    createdAt: new Date(data.created_at).toISOString(),
    expiresAt: new Date(data.expire_at).toISOString(),
  }
}

/**
 * The record's sessions with this one as the event shows it. Never moves a session back to `active`:
 * once Clerk said it ended, a late or replayed `session.created` changes nothing.
 */
function merged(known: readonly AgentTaskSession[], incoming: AgentTaskSession): AgentTaskSession[] {
  const current = known.find((session) => session.sessionId === incoming.sessionId)
  if (current !== undefined && current.status !== 'active') return [...known]
  const others = known.filter((session) => session.sessionId !== incoming.sessionId)
  return [...others, incoming].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

const sameSession = (a: AgentTaskSession | undefined, b: AgentTaskSession | undefined) =>
  a !== undefined && b !== undefined && a.status === b.status && a.createdAt === b.createdAt

/**
 * Brings the ledger up to date from one `session.*` event of an agent session: the link that opened
 * it (`actor.task_id`, else the record listing the session) becomes `used` with the session, or its
 * session ended, revoked or removed. Idempotent, so a retried or replayed delivery is harmless. Store
 * failures are thrown (the caller answers 503, and Svix delivers again).
 */
export async function applySessionEvent(store: AgentTaskStore, data: SessionData): Promise<SessionEventOutcome> {
  if (!isAgentActor(data.actor)) return { applied: false, reason: 'not-an-agent-session' }
  const incoming = toTaskSession(data)
  for (let attempt = 1; ; attempt++) {
    const record = await recordOf(store, data)
    if (record === undefined) return { applied: false, reason: 'unknown-link' }
    // A link revoked or expired here was refused by Clerk before any use; one that signs in someone else is not this session's.
    if (record.status === 'revoked' || record.status === 'expired') return { applied: false, reason: 'link-not-usable' }
    if (record.subjectUserId !== undefined && record.subjectUserId !== data.user_id) return { applied: false, reason: 'unknown-link' }
    const sessions = merged(record.sessions ?? [], incoming)
    const wanted = sessions.find((session) => session.sessionId === incoming.sessionId)
    const before = (record.sessions ?? []).find((session) => session.sessionId === incoming.sessionId)
    if (record.status === 'used' && sameSession(before, wanted)) return { applied: false, reason: 'already-known' }
    const usedAt = record.usedAt ?? sessions[0]?.createdAt
    const updated = await store.update(
      record.agentTaskId,
      {
        status: 'used',
        sessions,
        ...(usedAt === undefined ? {} : { usedAt }),
        ...(record.subjectUserId === undefined ? { subjectUserId: data.user_id } : {}),
      },
      ['pending', 'used'],
    )
    const written = updated?.sessions?.find((session) => session.sessionId === incoming.sessionId)
    // Another write (a listing, another event) may have landed between the read and this one: read again.
    if (updated?.status === 'used' && sameSession(written, wanted)) return { applied: true, agentTaskId: record.agentTaskId }
    if (attempt >= ATTEMPTS) {
      throw new AgentTaskError('store_unavailable', `The record of ${record.agentTaskId} kept changing while this event was applied; deliver it again.`)
    }
  }
}
