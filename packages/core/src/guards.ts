import { AgentTaskError } from './errors.js'
import type { AgentTasksAuth, SignedInAuth } from './types.js'

export function isAgentSession(auth: AgentTasksAuth): boolean {
  return auth.actor?.type === 'agent'
}

/** 401 unless signed in; 403 for agent sessions unless the app opted in. */
export function requireUser(auth: AgentTasksAuth | null | undefined, allowAgentSessions: boolean): SignedInAuth {
  if (!auth || typeof auth.userId !== 'string' || auth.userId === '') {
    throw new AgentTaskError('unauthenticated', 'Sign in to manage agent links.')
  }
  if (!allowAgentSessions && isAgentSession(auth)) {
    throw new AgentTaskError(
      'agent_session_forbidden',
      'This session was created by an agent task; agents cannot mint or revoke agent links.',
    )
  }
  return auth as SignedInAuth
}
