import {
  type AdapterOptions,
  type AgentTasksBase,
  authUnlessMiddlewareMissing,
  createAdapterKit,
  envClerkClient,
  hostHeaderOrigin,
  pathBelowCatchAll,
  toWebResponse,
} from '@agent-tasks/core/adapter'
import { getAuth } from '@clerk/react-router/server'
import type { ActionFunctionArgs, LoaderFunctionArgs, MiddlewareFunction } from 'react-router'

/** What React Router hands a loader or an action: the `Request`, `params` and `context`. */
export type RouteArgs = LoaderFunctionArgs | ActionFunctionArgs

/** Options of `createAgentTasks`: those of `@agent-tasks/core`. */
export type AgentTasksOptions = AdapterOptions<RouteArgs>

/** A React Router `loader` or `action`. */
export type AgentTasksRouteHandler = (args: RouteArgs) => Promise<Response>

/** One instance per app, in a module of its own (e.g. `app/agent-tasks.server.ts`): every helper shares its store, hooks and `authorize`. Its methods take a loader's or action's `args`. */
export interface AgentTasks extends AgentTasksBase<RouteArgs> {
  /** The whole contract for a splat resource route (`api/agent-tasks/*`): `export const { loader, action } = agentTasks.handler`. */
  handler: { loader: AgentTasksRouteHandler; action: AgentTasksRouteHandler }
  /** One `action` that mints a link, for a route of your own: `export const action = agentTasks.route`. */
  route: AgentTasksRouteHandler
  /**
   * The agent policy on every request of the app, as server middleware after Clerk's, in app/root.tsx:
   * `export const middleware = [clerkMiddleware(), agentTasks.guard]`. A person's request (and an agent's
   * the policy allows) goes on; an agent's refused one is answered 403 `agent_action_forbidden`
   * (problem+json, or a small page for a document request), or 503 when the ledger cannot be read.
   */
  guard: MiddlewareFunction<Response>
}

const reactRouterAdapter = {
  name: '@agent-tasks/react-router',
  missingMiddlewareFix:
    'Add `export const middleware = [clerkMiddleware()]` (from @clerk/react-router/server) to app/root.tsx; on React Router 7.9+ also set `future: { v8_middleware: true }` in react-router.config.ts.',
  // "Clerk: clerkMiddleware() not detected. Make sure you have installed the clerkMiddleware in your root route."
  readAuth: authUnlessMiddlewareMissing((args: RouteArgs) => getAuth(args), /clerkMiddleware\(\) not detected/),
  // React Router has no setting that marks a proxy as trusted (pin the `origin` option behind one).
  requestOrigin: ({ request }: RouteArgs) => hostHeaderOrigin(request),
  // `@clerk/react-router`'s `clerkClient(args)` builds a client per request; one client serves them all.
  clerkClient: envClerkClient('@agent-tasks/react-router'),
}

/** The path below a splat route's mount point. */
function pathBelowSplat({ request, params }: RouteArgs): string {
  return pathBelowCatchAll(new URL(request.url).pathname, params['*'])
}

/**
 * Agent tasks for a React Router app (framework mode), on `@clerk/react-router`.
 *
 * @example
 * // app/agent-tasks.server.ts
 * export const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * // app/routes/api.agent-tasks.$.ts
 * export const { loader, action } = agentTasks.handler
 * // app/root.tsx: the agent policy on every route
 * export const middleware = [clerkMiddleware(), agentTasks.guard]
 * // any action: const { url } = await agentTasks.create(args, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(reactRouterAdapter, options)
  const contract: AgentTasksRouteHandler = (args) => kit.respondWeb(args, args.request, pathBelowSplat(args))
  return kit.instance<Pick<AgentTasks, 'handler' | 'route' | 'guard'>>({
    handler: { loader: contract, action: contract },
    route: (args: RouteArgs) => kit.respondWeb(args, args.request, '/'),
    // `args.url`, not `request.url`: a client navigation fetches `/billing.data`, which React Router
    // routes as `/billing` (the normalized URL its loaders see).
    guard: (args, next) =>
      kit
        .guard(args as RouteArgs, { method: args.request.method, path: args.url.pathname, accept: args.request.headers.get('accept') })
        .then<Response>((refusal) => (refusal === undefined ? next() : toWebResponse(refusal))),
  })
}
