import { type AgentTasks, createAgentTasks } from '@agent-tasks/core'
import { clerkClient } from '@clerk/express'
import type { Request } from 'express'
import type { ExpressAgentTasksOptions } from './options.js'

export function createExpressAgentTasks(options: ExpressAgentTasksOptions): AgentTasks<Request> {
  return createAgentTasks<Request>({
    ...options,
    clerkClient: options.clerkClient ?? (options.secretKey === undefined ? () => clerkClient : undefined),
  } as ExpressAgentTasksOptions)
}
