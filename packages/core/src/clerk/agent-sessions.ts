import type { AgentTaskSession } from '../store/types.js'
import type { ClerkAgentTasksClient, ClerkSession } from '../types.js'

/** Sessions read per user; the newest come first, and agent sessions older than these are long over. */
const SESSIONS_PER_USER = 100

/** Whether a Clerk session was opened by an agent task (its actor, the token's `act` claim, says `type: "agent"`). */
export function isAgentActor(actor: Record<string, unknown> | null | undefined): boolean {
  return actor?.type === 'agent'
}

/**
 * The agent task a session came from. Clerk's agent sessions carry the task's ID in the actor as
 * `task_id` (seen on real sessions, not in Clerk's reference docs); without it a session cannot be
 * tied to one link, and the link's record learns it was used only when a revoke is refused.
 */
export function agentTaskIdOf(session: ClerkSession): string | undefined {
  const taskId = session.actor?.task_id
  return typeof taskId === 'string' && taskId !== '' ? taskId : undefined
}

/** The user's most recent agent sessions, active or not, newest first. */
export async function listAgentSessions(client: ClerkAgentTasksClient, userId: string): Promise<ClerkSession[]> {
  const { data } = await client.sessions.getSessionList({ userId, limit: SESSIONS_PER_USER })
  return data.filter((session) => isAgentActor(session.actor))
}

export function toTaskSession(session: ClerkSession): AgentTaskSession {
  return {
    sessionId: session.id,
    status: session.status,
    createdAt: new Date(session.createdAt).toISOString(),
    expiresAt: new Date(session.expireAt).toISOString(),
  }
}

/** The Clerk user an email, phone number or username names, when there is exactly one. */
export async function findUserId(client: ClerkAgentTasksClient, identifier: string): Promise<string | undefined> {
  const query = identifier.includes('@')
    ? { emailAddress: [identifier] }
    : identifier.startsWith('+')
      ? { phoneNumber: [identifier] }
      : { username: [identifier] }
  const { data } = await client.users.getUserList({ ...query, limit: 2 })
  return data.length === 1 ? data[0]?.id : undefined
}
