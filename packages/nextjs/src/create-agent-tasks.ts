import type { AgentTaskPage, AgentTaskRecord, AgentTaskStore, CreateAgentTaskInput, CreatedAgentTask, ListAgentTasksQuery, RevokeAllResult } from '@agent-tasks/core'
import { type AdapterOptions, createAdapterKit, pathBelow, toWebResponse, webContractRequest } from '@agent-tasks/core/adapter'
import { lazyNextClerkClient } from './clerk-client.js'
import { isNextControlFlowError } from './next-control-flow.js'
import { readAuth } from './read-auth.js'
import { processRateLimiter } from './process-rate-limiter.js'
import { processMemoryStore } from './process-store.js'
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

/** One instance per app, in a module of its own (e.g. `lib/agent-tasks.ts`): every helper shares its store, hooks and `authorize`. */
export interface AgentTasks {
  /** The whole contract, for `app/api/agent-tasks/[[...path]]/route.ts`: `export const { POST, GET, PUT, PATCH, DELETE } = agentTasks.handler`. */
  handler: AgentTasksRouteHandlers
  /** One `POST` handler that mints a link, for a route file of your own: `export const POST = agentTasks.route`. */
  route: AgentTasksRouteHandler
  /** Mints a link for the signed-in user, from a Server Action, a route handler or a server component. Throws `AgentTaskError`. */
  create(input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /** Revokes a link the signed-in user minted; for a used link, ends the session(s) it opened. Throws `AgentTaskError`. */
  revoke(agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the signed-in user's links, newest first, status and sessions as Clerk shows them now. Throws `AgentTaskError`. */
  list(query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(userId?: string): Promise<RevokeAllResult>
  /** Records of minted links (never the links themselves). */
  readonly store: AgentTaskStore
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
 * // a Server Action: const { url } = await agentTasks.create({ taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const { basePath, ...coreOptions } = options
  const limits =
    coreOptions.limits === false ? false : { ...coreOptions.limits, createRateLimiter: coreOptions.limits?.createRateLimiter ?? processRateLimiter }
  const kit = createAdapterKit(nextAdapter, { ...coreOptions, limits, store: coreOptions.store ?? processMemoryStore() })
  const serve = async (request: Request, path: string | undefined): Promise<Response> => {
    const response = await kit.respond(request, webContractRequest(request, path))
    return toWebResponse(response)
  }
  const contract: AgentTasksRouteHandler = async (request, context) =>
    serve(request, basePath === undefined ? await pathBelowMount(request, context) : pathBelow(new URL(request.url).pathname, basePath))
  return {
    handler: { POST: contract, GET: contract, PUT: contract, PATCH: contract, DELETE: contract },
    route: (request) => serve(request, '/'),
    create: (input) => kit.create(undefined, input),
    revoke: (agentTaskId) => kit.revoke(undefined, agentTaskId),
    list: (query) => kit.list(undefined, query),
    revokeAll: (userId) => kit.revokeAll(undefined, userId),
    store: kit.store,
  }
}
