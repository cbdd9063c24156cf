import type { AgentTasks } from '@agent-tasks/core'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { handleFastifyRequest } from './handle.js'
import { createFastifyAgentTasks } from './instance.js'
import type { FastifyAgentTasksOptions } from './options.js'

export type AgentTaskRoute = ((request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) & {
  agentTasks: AgentTasks<FastifyRequest>
}

/**
 * One auth-guarded route handler that mints a link, for apps that keep their own path. Replaces the
 * hand-written `clerkClient.agentTasks.create(...)` block. The body is what the app's own parser made
 * of it (Fastify's JSON parser by default).
 *
 * @example
 * fastify.post('/createAgentTask', createAgentTaskRoute({ redirect: { defaultUrl: '/dashboard' } }))
 */
export function createAgentTaskRoute(options: FastifyAgentTasksOptions = {}): AgentTaskRoute {
  const agentTasks = createFastifyAgentTasks(options)
  const route = (request: FastifyRequest, reply: FastifyReply) => handleFastifyRequest(agentTasks, request, reply, '/')
  return Object.assign(route, { agentTasks })
}
