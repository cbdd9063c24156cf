import { AgentTaskError } from '../errors.js'

export interface ClerkAgentTask {
  agentTaskId: string
  agentId: string
  url: string
}

/** Checks Clerk's reply really is an agent task before anyone relies on it. */
export function readCreatedAgentTask(value: unknown): ClerkAgentTask {
  const task = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const { agentTaskId, agentId, url } = task
  if (
    typeof agentTaskId === 'string' &&
    agentTaskId !== '' &&
    typeof agentId === 'string' &&
    typeof url === 'string' &&
    /^https?:\/\//.test(url)
  ) {
    return { agentTaskId, agentId, url }
  }
  throw new AgentTaskError('upstream_error', 'Clerk’s reply was not an agent task.')
}
