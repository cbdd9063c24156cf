import { AgentTaskError, type AgentTasksAuth } from '@agent-tasks/core'
import {
  type AdapterOptions,
  type AgentTasksMethod,
  authUnlessMiddlewareMissing,
  createAdapterKit,
  type CurrentRequestAgentTasksBase,
  hostHeaderOrigin,
  pathBelowCatchAll,
} from '@agent-tasks/core/adapter'
import { auth, clerkClient } from '@clerk/tanstack-react-start/server'
import { createMiddleware, type RequestMiddlewareAfterServer } from '@tanstack/react-start'
import { getRequest } from '@tanstack/react-start/server'

/** Options of `createAgentTasks`: those of `@agent-tasks/core`; `authorize` and hooks get the request as `context`. */
export type AgentTasksOptions = AdapterOptions<Request>

/** What TanStack Start hands a server route handler (the parts the adapter reads). */
export interface ServerRouteContext {
  request: Request
  params?: { _splat?: string | undefined }
}

/** A TanStack Start server route handler. */
export type AgentTasksRouteHandler = (context: ServerRouteContext) => Promise<Response>

/** One instance per app, in a module of its own (e.g. `src/agent-tasks.ts`): every helper shares its store, hooks and `authorize`. Its methods act for the current request: call them from a server function or a server route. */
export interface AgentTasks extends CurrentRequestAgentTasksBase {
  /** The whole contract, for a splat server route: `server: { handlers: agentTasks.handler }`. */
  handler: {
    GET: AgentTasksRouteHandler
    POST: AgentTasksRouteHandler
    PUT: AgentTasksRouteHandler
    PATCH: AgentTasksRouteHandler
    DELETE: AgentTasksRouteHandler
  }
  /** One `POST` handler that mints a link, for a server route of your own: `server: { handlers: { POST: agentTasks.route } }`. */
  route: AgentTasksRouteHandler
  /**
   * The agent policy on every request of the app, as request middleware after Clerk's, in src/start.ts:
   * `createStart(() => ({ requestMiddleware: [clerkMiddleware(), agentTasks.guard] }))`. A person's
   * request (and an agent's the policy allows) goes on; an agent's refused one is answered 403
   * `agent_action_forbidden` (problem+json, or a small page for a page navigation), or 503 when the
   * ledger cannot be read.
   */
  guard: AgentTasksGuardMiddleware
}

/** TanStack Start request middleware (`createMiddleware().server(…)`) that adds no context. */
// biome-ignore lint/complexity/noBannedTypes: TanStack Start's own type for "no register, no middlewares"
export type AgentTasksGuardMiddleware = RequestMiddlewareAfterServer<{}, undefined, undefined>

const PACKAGE = '@agent-tasks/tanstack-react-start'

/**
 * Request middleware runs before TanStack Start's request context exists, where `auth()` throws: the
 * guard hands the kit the auth Clerk's middleware put in the middleware context (`undefined` when it
 * did not run before the guard).
 */
type MiddlewareAuth = () => AgentTasksAuth | Promise<AgentTasksAuth> | undefined
const authInMiddleware = new WeakMap<Request, MiddlewareAuth>()
const NO_CLERK_MIDDLEWARE: MiddlewareAuth = () => undefined
const readClerkAuth = authUnlessMiddlewareMissing((_request: Request) => auth(), /without configuring the middleware/)

const startAdapter = {
  name: PACKAGE,
  missingMiddlewareFix:
    'Add Clerk\'s request middleware in src/start.ts: `export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware()] }))`, with clerkMiddleware from @clerk/tanstack-react-start/server.',
  // "It looks like you're trying to use Clerk without configuring the middleware."
  readAuth(request: Request) {
    const inMiddleware = authInMiddleware.get(request)
    return inMiddleware === undefined ? readClerkAuth(request) : inMiddleware()
  },
  // TanStack Start has no setting that marks a proxy as trusted (pin the `origin` option behind one).
  requestOrigin: hostHeaderOrigin,
  // Called once by the kit: one client, from the environment as Clerk's SDK reads it at first use.
  clerkClient: () => clerkClient(),
}

/** The request being served, for the programmatic API; a clear error outside one. */
function currentRequest(method: AgentTasksMethod): Request {
  try {
    return getRequest()
  } catch {
    throw new AgentTaskError(
      'misconfigured',
      `${PACKAGE}: agentTasks.${method}() runs while TanStack Start serves a request: call it from a server function (createServerFn) or a server route handler.`,
    )
  }
}

/** The path below a splat route's mount point. */
function pathBelowSplat({ request, params }: ServerRouteContext): string {
  return pathBelowCatchAll(new URL(request.url).pathname, params?._splat)
}

/**
 * Agent tasks for a TanStack React Start app, on `@clerk/tanstack-react-start`.
 *
 * @example
 * // src/agent-tasks.ts
 * export const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * // src/routes/api/agent-tasks/$.ts
 * export const Route = createFileRoute('/api/agent-tasks/$')({ server: { handlers: agentTasks.handler } })
 * // src/start.ts: the agent policy on every request
 * export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware(), agentTasks.guard] }))
 * // a server function: const { url } = await agentTasks.create({ taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(startAdapter, options)
  const contract: AgentTasksRouteHandler = (context) => kit.respondWeb(context.request, context.request, pathBelowSplat(context))
  return kit.currentRequestInstance(currentRequest, {
    handler: { GET: contract, POST: contract, PUT: contract, PATCH: contract, DELETE: contract },
    route: ({ request }: ServerRouteContext) => kit.respondWeb(request, request, '/'),
    guard: createMiddleware().server(({ request, context, next }) => {
      const clerkAuth = (context as unknown as { auth?: unknown } | undefined)?.auth
      authInMiddleware.set(request, typeof clerkAuth === 'function' ? (clerkAuth as MiddlewareAuth) : NO_CLERK_MIDDLEWARE)
      return kit.guardWeb(request, request).then((refusal) => refusal ?? next())
    }),
  })
}
