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
  /**
   * The agent policy on every request of the app: `app.use(agentTasks.guard)` after `clerkMiddleware()`.
   * A person's request (and an agent's the policy allows) goes on; an agent's refused one is answered
   * 403 `agent_action_forbidden` (problem+json, or a small page for a page navigation), or 503 when the
   * ledger cannot be read.
   */
  guard: RequestHandler
}

/** The pathname the app routes: `originalUrl`, so that a guard mounted below a path still sees the whole of it. */
function pathnameOf(req: Request): string {
  const url = req.originalUrl
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
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
 * app.use(agentTasks.guard) // the agent policy on every route below
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
  const guard: RequestHandler = (req, res, next) => {
    kit
      .guard(req, { method: req.method, path: pathnameOf(req), accept: req.headers.accept })
      .then((refusal) => (refusal === undefined ? next() : sendNodeResponse(res, refusal)), next)
  }
  return kit.instance({ handler, route: serve(() => '/'), guard })
}
