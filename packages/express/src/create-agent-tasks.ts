import { type AdapterOptions, type AgentTasksBase, contractPatterns, createAdapterKit, reportUnexpected } from '@agent-tasks/core/adapter'
import { nodeContractRequest, parsedBodyOf, sendNodeResponse } from '@agent-tasks/core/node'
import { clerkClient, getAuth } from '@clerk/express'
import { type Request, type RequestHandler, Router } from 'express'

/** Options of `createAgentTasks`: those of `@agent-tasks/core`, the Clerk client defaulting to `@clerk/express`'s. */
export type AgentTasksOptions = AdapterOptions<Request>

/** One instance per app: every helper shares its store, hooks and `authorize`. */
export interface AgentTasks extends AgentTasksBase<Request> {
  /** The whole HTTP contract as a router: `app.use('/api/agent-tasks', agentTasks.handler)`. */
  handler: Router
  /** One route that mints a link, for an app that keeps its own path: `app.post('/createAgentTask', agentTasks.route)`. */
  route: RequestHandler
}

const expressAdapter = {
  name: '@agent-tasks/express',
  missingMiddlewareFix: 'Add `app.use(clerkMiddleware())` (from @clerk/express) before mounting the agent-tasks routes.',
  readAuth: (req: Request) => ('auth' in req ? getAuth(req) : undefined),
  // Express applies its `trust proxy` setting to both.
  requestOrigin: (req: Request) => `${req.protocol}://${req.host}`,
  clerkClient: () => clerkClient,
}

/**
 * Agent tasks for an Express 5 app, on `@clerk/express` (configured by the `CLERK_*` environment).
 *
 * @example
 * const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * app.use(clerkMiddleware())
 * app.use('/api/agent-tasks', agentTasks.handler)
 * // elsewhere: const { url } = await agentTasks.create(req, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(expressAdapter, options)
  const serve =
    (pathOf: (req: Request) => string): RequestHandler =>
    (req, res) => {
      const request = nodeContractRequest(req, { path: pathOf(req), parsed: parsedBodyOf(req) })
      kit
        .respond(req, request)
        .then((response) => sendNodeResponse(res, response))
        .catch(reportUnexpected)
    }
  const handler = Router()
  for (const pattern of contractPatterns) handler.all(pattern, serve((req) => req.path))
  return kit.instance({ handler, route: serve(() => '/') })
}
