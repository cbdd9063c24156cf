import type { AgentTasks } from '@agent-tasks/core'
import { handleNextRequest } from './handle.js'
import { createNextAgentTasks } from './instance.js'
import type { NextAgentTasksContext, NextAgentTasksOptions } from './options.js'
import { type AgentTasksRouteHandler, pathBelowMount } from './route-context.js'

/** The route handlers of the whole contract; export the methods from a `route.ts`. */
export interface AgentTasksRouteHandlers {
  POST: AgentTasksRouteHandler
  /** Answers `405` with `Allow: POST`, like every method but POST. */
  GET: AgentTasksRouteHandler
  PUT: AgentTasksRouteHandler
  PATCH: AgentTasksRouteHandler
  DELETE: AgentTasksRouteHandler
  /** The instance behind the handlers, to share with `createAgentTask(input, agentTasks)`. */
  agentTasks: AgentTasks<NextAgentTasksContext>
}

/**
 * The whole HTTP contract as App Router route handlers, for an optional catch-all route file such
 * as `app/api/agent-tasks/[[...path]]/route.ts`, with `clerkMiddleware()` in `proxy.ts`:
 *
 * @example
 * // app/api/agent-tasks/[[...path]]/route.ts
 * import { createAgentTasksHandler } from '@agent-tasks/nextjs'
 *
 * export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasksHandler({ redirect: { defaultUrl: '/dashboard' } })
 */
export function createAgentTasksHandler(options: NextAgentTasksOptions = {}): AgentTasksRouteHandlers {
  const agentTasks = createNextAgentTasks(options)
  const handler: AgentTasksRouteHandler = async (request, context) =>
    handleNextRequest(agentTasks, request, options.basePath === undefined ? await pathBelowMount(request, context) : undefined)
  return { POST: handler, GET: handler, PUT: handler, PATCH: handler, DELETE: handler, agentTasks }
}
