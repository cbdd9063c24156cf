import type { AgentTasks, CreateAgentTaskInput, CreatedAgentTask } from '@agent-tasks/core'
import type { Request } from 'express'
import { readAuth } from './auth.js'
import { createExpressAgentTasks } from './instance.js'
import type { ExpressAgentTasksOptions } from './options.js'

let defaultInstance: AgentTasks<Request> | undefined

function sharedDefault(): AgentTasks<Request> {
  defaultInstance ??= createExpressAgentTasks({})
  return defaultInstance
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`
}

/**
 * Mints a link for the user signed in on `req`, from your own code. Throws `AgentTaskError`.
 * Pass `agentTasks` (from a router or route's `.agentTasks`) to share its options and store.
 *
 * @example
 * const { url } = await createAgentTask(req, { redirectUrl: '/dashboard' })
 */
export async function createAgentTask(
  req: Request,
  input: CreateAgentTaskInput = {},
  agentTasks: AgentTasks<Request> = sharedDefault(),
): Promise<CreatedAgentTask> {
  return agentTasks.create(input, { auth: readAuth(req), context: req, origin: originOf(req) })
}

/** Revokes an unused link minted by the user signed in on `req`. Throws `AgentTaskError`. */
export async function revokeAgentTask(
  req: Request,
  agentTaskId: string,
  agentTasks: AgentTasks<Request> = sharedDefault(),
) {
  return agentTasks.revoke(agentTaskId, { auth: readAuth(req), context: req })
}

export type { ExpressAgentTasksOptions }
