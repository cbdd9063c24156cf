import type { AgentTaskErrorCode } from './errors.js'
import type { AgentTasksAuth, SignedInAuth } from './types.js'

/** Why a caller may not use the API at all. Plain data: the HTTP path answers it without an `Error`. */
export interface Refusal {
  code: AgentTaskErrorCode
  message: string
}

const NOT_SIGNED_IN: Refusal = { code: 'unauthenticated', message: 'Sign in to manage agent links.' }
const AGENT_SESSION: Refusal = {
  code: 'agent_session_forbidden',
  message: 'This session was created by an agent task; agents cannot mint or revoke agent links.',
}

export function isAgentSession(auth: AgentTasksAuth): boolean {
  return auth.actor?.type === 'agent'
}

/** `undefined` when the caller may go on; otherwise 401 (not signed in) or 403 (agent session). */
export function refusalOf(auth: AgentTasksAuth | null | undefined, allowAgentSessions: boolean): Refusal | undefined {
  if (!auth || typeof auth.userId !== 'string' || auth.userId === '') return NOT_SIGNED_IN
  if (!allowAgentSessions && isAgentSession(auth)) return AGENT_SESSION
  return undefined
}

export function isRefusal(value: SignedInAuth | Refusal): value is Refusal {
  return 'code' in value
}
