import type { AgentTaskSession } from '../store/types.js'
import type { ClerkAgentTasksClient, ClerkSession } from '../types.js'

/** Sessions asked for per page: the most Clerk's Backend API returns at once. */
const SESSIONS_PAGE = 500

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

/**
 * Every active agent session of the user, newest first. Only active sessions are asked for, and every
 * page of them is read: a user who signed in and out a thousand times after an agent did still has
 * that agent's session found and ended.
 */
export async function listAgentSessions(client: ClerkAgentTasksClient, userId: string): Promise<ClerkSession[]> {
  const agentSessions: ClerkSession[] = []
  for (let offset = 0; ; offset += SESSIONS_PAGE) {
    const { data, totalCount } = await client.sessions.getSessionList({ userId, status: 'active', limit: SESSIONS_PAGE, offset })
    for (const session of data) if (isAgentActor(session.actor) && session.status === 'active') agentSessions.push(session)
    if (data.length < SESSIONS_PAGE || offset + data.length >= totalCount) return agentSessions
  }
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

/**
 * The identifiers a link may have been minted for to sign this user in (`onBehalfOf.identifier`):
 * the user's email addresses, phone numbers and username, lower-cased.
 */
export async function identifiersOf(client: ClerkAgentTasksClient, userId: string): Promise<string[]> {
  const user = await client.users.getUser(userId)
  const identifiers = [
    ...(user.emailAddresses ?? []).map((email) => email.emailAddress),
    ...(user.phoneNumbers ?? []).map((phone) => phone.phoneNumber),
    ...(user.username ? [user.username] : []),
  ]
  return [...new Set(identifiers.map((identifier) => identifier.toLowerCase()))]
}
