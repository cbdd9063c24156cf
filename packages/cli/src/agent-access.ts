import { agentTaskIdOf, isAgentTaskError, listAgentSessions, type RevokeAllResult } from '@agent-tasks/core'
import { CliError, EXIT } from './cli-error.js'
import { type Admin, actingAs, type ClerkClient, type Subject } from './clerk-admin.js'

export interface AgentSession {
  sessionId: string
  status: string
  agent: string | undefined
  agentTaskId: string | undefined
  createdAt: string
  expiresAt: string
}

/** The user's sessions opened by agents, newest first, read as core's ledger reads them. */
export async function agentSessionsOf(clerk: ClerkClient, userId: string): Promise<AgentSession[]> {
  return (await listAgentSessions(clerk, userId)).map((session) => ({
    sessionId: session.id,
    status: session.status,
    agent: typeof session.actor?.sub === 'string' ? session.actor.sub : undefined,
    agentTaskId: agentTaskIdOf(session),
    createdAt: new Date(session.createdAt).toISOString(),
    expiresAt: new Date(session.expireAt).toISOString(),
  }))
}

/** What ending one link did: revoked while unused, or the sessions it had opened ended. */
export interface EndedLink {
  agentTaskId: string
  revoked: boolean
  endedSessionIds: string[]
}

function clerkCode(error: unknown): string | undefined {
  const errors = (error as { errors?: Array<{ code?: string }> } | undefined)?.errors
  return Array.isArray(errors) ? errors[0]?.code : undefined
}

/**
 * Ends one link: a link core's ledger holds (minted by this process) through core, so its record
 * follows; any other through Clerk: revoked if unused, else, given the user it signed in, the
 * session(s) it opened are ended (Clerk no longer revokes a used link).
 */
export async function endLink(admin: Admin, agentTaskId: string, subject?: Subject): Promise<EndedLink> {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(agentTaskId)) throw new CliError(`${agentTaskId} is not an agent task ID.`, EXIT.usage)
  if (subject) {
    try {
      const record = await admin.agentTasks.revoke(agentTaskId, actingAs(subject.id))
      const ended = (record.sessions ?? []).filter((s) => s.status === 'revoked').map((s) => s.sessionId)
      return { agentTaskId, revoked: record.status === 'revoked', endedSessionIds: ended }
    } catch (error) {
      if (!isAgentTaskError(error) || error.code !== 'agent_task_not_found') throw error
    }
  }
  try {
    await admin.clerk.agentTasks.revoke(agentTaskId)
    return { agentTaskId, revoked: true, endedSessionIds: [] }
  } catch (error) {
    if (clerkCode(error) !== 'agent_task_cannot_be_revoked') throw error
  }
  if (!subject) {
    throw new CliError(`${agentTaskId} was already used (or revoked): its link no longer works. To end the session it opened, add --user <the user it signed in>.`)
  }
  const opened = (await agentSessionsOf(admin.clerk, subject.id)).filter((s) => s.agentTaskId === agentTaskId && s.status === 'active')
  for (const session of opened) await admin.clerk.sessions.revokeSession(session.sessionId)
  return { agentTaskId, revoked: false, endedSessionIds: opened.map((s) => s.sessionId) }
}

/** Ends one active agent session of the user; refuses any other session (a person's own, another user's). */
export async function endAgentSession(clerk: ClerkClient, subject: Subject, sessionId: string): Promise<void> {
  const session = (await agentSessionsOf(clerk, subject.id)).find((s) => s.sessionId === sessionId && s.status === 'active')
  if (!session) throw new CliError(`${sessionId} is not an active agent session of ${subject.label}.`)
  await clerk.sessions.revokeSession(sessionId)
}

/**
 * The kill switch: every active agent session of the user, wherever it was minted, and every unused
 * link core's ledger holds for them (Clerk cannot list links: those minted elsewhere stay usable).
 */
export function endAllAgentAccess(admin: Admin, subject: Subject): Promise<RevokeAllResult> {
  return admin.agentTasks.revokeAll(actingAs(subject.id))
}
