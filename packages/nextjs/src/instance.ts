import { type AgentTasks, createAgentTasks } from '@agent-tasks/core'
import { lazyNextClerkClient } from './clerk-client.js'
import type { NextAgentTasksContext, NextAgentTasksOptions } from './options.js'

export function createNextAgentTasks(options: NextAgentTasksOptions): AgentTasks<NextAgentTasksContext> {
  if (options.clerkClient !== undefined || options.secretKey !== undefined) return createAgentTasks(options)
  return createAgentTasks({ ...options, clerkClient: lazyNextClerkClient() })
}
