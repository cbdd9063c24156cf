import type { AgentTasks, CreateAgentTaskInput, CreatedAgentTask } from '@agent-tasks/core'
import type { FastifyRequest } from 'fastify'
import { readAuth } from './auth.js'
import { createFastifyAgentTasks } from './instance.js'

let defaultInstance: AgentTasks<FastifyRequest> | undefined

function sharedDefault(): AgentTasks<FastifyRequest> {
  defaultInstance ??= createFastifyAgentTasks({})
  return defaultInstance
}

/**
 * Mints a link for the user signed in on `request`, from your own code. Throws `AgentTaskError`.
 * Pass `agentTasks` (the `.agentTasks` of a plugin or route) to share its options and store.
 *
 * @example
 * const { url } = await createAgentTask(request, { redirectUrl: '/dashboard' })
 */
export async function createAgentTask(
  request: FastifyRequest,
  input: CreateAgentTaskInput = {},
  agentTasks: AgentTasks<FastifyRequest> = sharedDefault(),
): Promise<CreatedAgentTask> {
  return agentTasks.create(input, {
    auth: readAuth(request),
    context: request,
    origin: `${request.protocol}://${request.host}`,
  })
}

/** Revokes an unused link minted by the user signed in on `request`. Throws `AgentTaskError`. */
export async function revokeAgentTask(
  request: FastifyRequest,
  agentTaskId: string,
  agentTasks: AgentTasks<FastifyRequest> = sharedDefault(),
) {
  return agentTasks.revoke(agentTaskId, { auth: readAuth(request), context: request })
}
