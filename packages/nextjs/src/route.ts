import type { AgentTasks } from '@agent-tasks/core'
import { handleNextRequest } from './handle.js'
import { createNextAgentTasks } from './instance.js'
import type { NextAgentTasksContext, NextAgentTasksOptions } from './options.js'
import type { AgentTasksRouteHandler } from './route-context.js'

export type AgentTaskRoute = AgentTasksRouteHandler & { agentTasks: AgentTasks<NextAgentTasksContext> }

/**
 * One auth-guarded `POST` handler that mints a link, for apps that keep their own path. Replaces
 * the hand-written `clerkClient().agentTasks.create(...)` route from Clerk's docs:
 *
 * @example
 * // app/api/create-agent-task/route.ts
 * import { createAgentTaskRoute } from '@agent-tasks/nextjs'
 *
 * export const POST = createAgentTaskRoute({ redirect: { defaultUrl: '/dashboard' } })
 */
export function createAgentTaskRoute(options: Omit<NextAgentTasksOptions, 'basePath'> = {}): AgentTaskRoute {
  const agentTasks = createNextAgentTasks(options)
  const route: AgentTasksRouteHandler = (request) => handleNextRequest(agentTasks, request, '/')
  return Object.assign(route, { agentTasks })
}
