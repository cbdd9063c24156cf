import type { AgentTasks } from '@agent-tasks/core'
import type { Request, RequestHandler } from 'express'
import { handleExpressRequest } from './handle.js'
import { createExpressAgentTasks } from './instance.js'
import type { ExpressAgentTasksOptions } from './options.js'

export type AgentTaskRoute = RequestHandler & { agentTasks: AgentTasks<Request> }

/**
 * One auth-guarded route that mints a link, for apps that keep their own path. Replaces the
 * hand-written `clerkClient.agentTasks.create(...)` block:
 *
 * @example
 * app.post('/createAgentTask', createAgentTaskRoute({ redirect: { defaultUrl: '/dashboard' } }))
 */
export function createAgentTaskRoute(options: ExpressAgentTasksOptions = {}): AgentTaskRoute {
  const agentTasks = createExpressAgentTasks(options)
  const route: RequestHandler = (req, res, next) => {
    void handleExpressRequest(agentTasks, req, res, next, '/')
  }
  return Object.assign(route, { agentTasks })
}
