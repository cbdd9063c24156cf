import { type AgentTasks, createAgentTasks } from '@agent-tasks/core'
import type { FastifyRequest } from 'fastify'
import { clerkClientFromEnv } from './clerk-client.js'
import type { FastifyAgentTasksOptions } from './options.js'

export function createFastifyAgentTasks(options: FastifyAgentTasksOptions): AgentTasks<FastifyRequest> {
  if (options.clerkClient !== undefined) return createAgentTasks<FastifyRequest>(options)
  if (options.secretKey !== undefined) {
    const apiUrl = options.apiUrl ?? process.env.CLERK_API_URL
    return createAgentTasks<FastifyRequest>({ ...options, ...(apiUrl ? { apiUrl } : {}) })
  }
  return createAgentTasks<FastifyRequest>({ ...options, clerkClient: clerkClientFromEnv })
}
