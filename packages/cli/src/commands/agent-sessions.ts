import type { ClerkClient } from '../clerk-admin.js'

export interface AgentSession {
  sessionId: string
  status: string
  agent: string | undefined
  agentTaskId: string | undefined
  createdAt: string
  expiresAt: string
}

/** The user's sessions opened by agents (the session's actor has `type: "agent"`), newest first. */
export async function agentSessionsOf(clerk: ClerkClient, userId: string): Promise<AgentSession[]> {
  const { data } = await clerk.sessions.getSessionList({ userId, limit: 100 })
  return data
    .filter((session) => session.actor?.type === 'agent')
    .map((session) => ({
      sessionId: session.id,
      status: session.status,
      agent: typeof session.actor?.sub === 'string' ? session.actor.sub : undefined,
      agentTaskId: typeof session.actor?.task_id === 'string' ? session.actor.task_id : undefined,
      createdAt: new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expireAt).toISOString(),
    }))
}
