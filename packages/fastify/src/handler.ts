import type { AgentTasks } from '@agent-tasks/core'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { createFastifyAgentTasks } from './instance.js'
import type { FastifyAgentTasksOptions } from './options.js'
import { registerContract, withPluginMetadata } from './plugin.js'

export type AgentTasksPlugin = FastifyPluginAsync & { agentTasks: AgentTasks<FastifyRequest> }

/**
 * The whole HTTP contract as a Fastify plugin. Register it after `clerkPlugin`, with a prefix:
 *
 * @example
 * await fastify.register(clerkPlugin)
 * await fastify.register(createAgentTasksHandler({ redirect: { defaultUrl: '/dashboard' } }), { prefix: '/api/agent-tasks' })
 */
export function createAgentTasksHandler(options: FastifyAgentTasksOptions = {}): AgentTasksPlugin {
  const agentTasks = createFastifyAgentTasks(options)
  const plugin = withPluginMetadata(async (instance) => registerContract(instance, agentTasks))
  return Object.assign(plugin, { agentTasks })
}
