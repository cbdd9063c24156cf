import type { FastifyPluginAsync } from 'fastify'
import { createFastifyAgentTasks } from './instance.js'
import type { FastifyAgentTasksOptions } from './options.js'
import { registerContract, withPluginMetadata } from './plugin.js'

/** Keys Fastify puts in a plugin's options besides the plugin's own. */
const REGISTER_KEYS = new Set(['prefix', 'logLevel', 'logSerializers'])

function ownOptions(options: Record<string, unknown>): FastifyAgentTasksOptions {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !REGISTER_KEYS.has(key)))
}

/**
 * The same contract, Fastify style: options go with `register`. Prefer `createAgentTasksHandler`
 * when your code also calls `createAgentTask()` and should share the plugin's options and store.
 *
 * @example
 * await fastify.register(agentTasksPlugin, { prefix: '/api/agent-tasks', redirect: { defaultUrl: '/dashboard' } })
 */
export const agentTasksPlugin: FastifyPluginAsync<FastifyAgentTasksOptions> = withPluginMetadata<FastifyAgentTasksOptions>(
  async (instance, options) => registerContract(instance, createFastifyAgentTasks(ownOptions(options))),
)
