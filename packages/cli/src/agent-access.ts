import { agentTaskIdOf, listAgentSessions } from '@agent-tasks/core'
import type { ClerkClient } from '../clerk-admin.js'

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
