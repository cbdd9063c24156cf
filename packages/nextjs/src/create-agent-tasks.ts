import { type AdapterOptions, createAdapterKit, type CurrentRequestAgentTasksBase, pathBelow } from '@agent-tasks/core/adapter'
import { lazyNextClerkClient } from './clerk-client.js'
import { isNextControlFlowError } from './next-control-flow.js'
import { type ProxyAuth, proxyAuth, readAuth } from './read-auth.js'
import { processRateLimiter } from './process-rate-limiter.js'
import { processApprovalStore, processMemoryStore } from './process-store.js'
import { nextRequestOrigin } from './request-origin.js'
import { type AgentTasksRouteHandler, pathBelowMount } from './route-context.js'

/**
 * What `authorize` and the hooks receive as `context`: the route handler's `Request` (a
 * `NextRequest`), or `undefined` in a Server Action, which has no request (read `headers()` there).
 */
export type NextAgentTasksContext = Request | undefined

/** Options of `createAgentTasks`: those of `@agent-tasks/core`, the Clerk client defaulting to `@clerk/nextjs`'s. */
export interface AgentTasksOptions extends AdapterOptions<NextAgentTasksContext> {
  /**
   * Where the contract's route file is mounted, e.g. `"/api/agent-tasks"`. Default: derived from each
   * request, as the URL path minus the segments of the route's optional catch-all (`[[...path]]`).
   */
  basePath?: string
}

/** The route handlers of the whole contract; export them from a `route.ts`. Every method but POST answers 405. */
export interface AgentTasksRouteHandlers {
  POST: AgentTasksRouteHandler
  GET: AgentTasksRouteHandler
  PUT: AgentTasksRouteHandler
  PATCH: AgentTasksRouteHandler
  DELETE: AgentTasksRouteHandler
}

/**
 * One instance per app, in a module of its own (e.g. `lib/agent-tasks.ts`): every helper shares its store, hooks and `authorize`.
 * Its methods act for the signed-in user: call them from a Server Action, a route handler or a server component.
 */
export interface AgentTasks extends CurrentRequestAgentTasksBase {
  /** The whole contract, for `app/api/agent-tasks/[[...path]]/route.ts`: `export const { POST, GET, PUT, PATCH, DELETE } = agentTasks.handler`. */
  handler: AgentTasksRouteHandlers
  /** One `POST` handler that mints a link, for a route file of your own: `export const POST = agentTasks.route`. */
  route: AgentTasksRouteHandler
  /**
   * The agent policy on every request `proxy.ts` (Next.js 16; `middleware.ts` before) matches, inside
   * Clerk's middleware: `export default clerkMiddleware((auth, request) => agentTasks.guard(auth, request))`.
   * `undefined`: go on (a person's request, and an agent's the policy allows); a response: answer it
   * (403 `agent_action_forbidden`, problem+json or a small page for a page navigation; 503 when the
   * ledger cannot be read).
   */
  guard(auth: ProxyAuth, request: Request): Promise<Response | undefined>
}

const nextAdapter = {
  name: '@agent-tasks/nextjs',
  missingMiddlewareFix:
    'Add `export default clerkMiddleware()` (from @clerk/nextjs/server) to proxy.ts (Next.js 16; middleware.ts before) next to your app/ directory, with a `config.matcher` that includes this path (Clerk’s default matcher covers "/(api|trpc)(.*)").',
  readAuth,
  requestOrigin: nextRequestOrigin,
  clerkClient: lazyNextClerkClient,
  // Next.js's redirects, `notFound()` and the like must reach Next.js untouched.
  isFrameworkError: isNextControlFlowError,
}

/**
 * Agent tasks for a Next.js App Router app (Node.js or edge runtime), on `@clerk/nextjs`.
 *
 * @example
 * // lib/agent-tasks.ts
 * export const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * // app/api/agent-tasks/[[...path]]/route.ts
 * export const { POST, GET, PUT, PATCH, DELETE } = agentTasks.handler
 * // proxy.ts: the agent policy on every request the matcher covers
 * export default clerkMiddleware((auth, request) => agentTasks.guard(auth, request))
 * // a Server Action: const { url } = await agentTasks.create({ taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const { basePath, ...coreOptions } = options
  const limits =
    coreOptions.limits === false ? false : { ...coreOptions.limits, createRateLimiter: coreOptions.limits?.createRateLimiter ?? processRateLimiter }
  const approvals = { ...coreOptions.approvals, store: coreOptions.approvals?.store ?? processApprovalStore() }
  const kit = createAdapterKit(nextAdapter, { ...coreOptions, limits, approvals, store: coreOptions.store ?? processMemoryStore() })
  const contract: AgentTasksRouteHandler = async (request, context) =>
    kit.respondWeb(request, request, basePath === undefined ? await pathBelowMount(request, context) : pathBelow(new URL(request.url).pathname, basePath))
  // Server Actions and server components have no request object: `readAuth` and the origin read Next.js's own.
  return kit.currentRequestInstance(() => undefined, {
    handler: { POST: contract, GET: contract, PUT: contract, PATCH: contract, DELETE: contract },
    route: (request: Request) => kit.respondWeb(request, request, '/'),
    guard(auth: ProxyAuth, request: Request) {
      proxyAuth.set(request, auth)
      return kit.guardWeb(request, request)
    },
  })
}
