import type { AgentTasks } from '@agent-tasks/core'
import express, { type Request, type Router } from 'express'
import { handleExpressRequest } from './handle.js'
import { createExpressAgentTasks } from './instance.js'
import type { ExpressAgentTasksOptions } from './options.js'

export type AgentTasksRouter = Router & { agentTasks: AgentTasks<Request> }

const CONTRACT_PATH = /^\/(?:[^/]+\/revoke\/?)?$/

/**
 * The whole HTTP contract as an Express router. Mount it after `clerkMiddleware()`:
 *
 * @example
 * app.use(clerkMiddleware())
 * app.use('/api/agent-tasks', createAgentTasksHandler({ redirect: { defaultUrl: '/dashboard' } }))
 */
export function createAgentTasksHandler(options: ExpressAgentTasksOptions = {}): AgentTasksRouter {
  const agentTasks = createExpressAgentTasks(options)
  const router = express.Router() as AgentTasksRouter
  router.use((req, res, next) => {
    if (!CONTRACT_PATH.test(req.path)) return next()
    void handleExpressRequest(agentTasks, req, res, next, req.path)
  })
  router.agentTasks = agentTasks
  return router
}
