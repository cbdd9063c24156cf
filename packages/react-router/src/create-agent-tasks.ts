import type { AgentTaskPage, AgentTaskRecord, AgentTaskStore, AgentTasksAuth, CreateAgentTaskInput, CreatedAgentTask, ListAgentTasksQuery, RevokeAllResult } from '@agent-tasks/core'
import { type AdapterOptions, createAdapterKit, envClerkClient, pathBelowCatchAll, toWebResponse, webContractRequest } from '@agent-tasks/core/adapter'
import { getAuth } from '@clerk/react-router/server'
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router'

/** What React Router hands a loader or an action: the `Request`, `params` and `context`. */
export type RouteArgs = LoaderFunctionArgs | ActionFunctionArgs

/** Options of `createAgentTasks`: those of `@agent-tasks/core`. */
export type AgentTasksOptions = AdapterOptions<RouteArgs>

/** A React Router `loader` or `action`. */
export type AgentTasksRouteHandler = (args: RouteArgs) => Promise<Response>

/** One instance per app, in a module of its own (e.g. `app/agent-tasks.server.ts`): every helper shares its store, hooks and `authorize`. */
export interface AgentTasks {
  /** The whole contract for a splat resource route (`api/agent-tasks/*`): `export const { loader, action } = agentTasks.handler`. */
  handler: { loader: AgentTasksRouteHandler; action: AgentTasksRouteHandler }
  /** One `action` that mints a link, for a route of your own: `export const action = agentTasks.route`. */
  route: AgentTasksRouteHandler
  /** Mints a link for the user signed in on this request, from any loader or action. Throws `AgentTaskError`. */
  create(args: RouteArgs, input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /** Revokes a link the user signed in on this request minted; for a used link, ends the session(s) it opened. Throws `AgentTaskError`. */
  revoke(args: RouteArgs, agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the signed-in user's links, newest first, status and sessions as Clerk shows them now. Throws `AgentTaskError`. */
  list(args: RouteArgs, query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(args: RouteArgs, userId?: string): Promise<RevokeAllResult>
  /** Records of minted links (never the links themselves). */
  readonly store: AgentTaskStore
}

async function readAuth(args: RouteArgs): Promise<AgentTasksAuth | undefined> {
  try {
    return await getAuth(args)
  } catch (error) {
    // "Clerk: clerkMiddleware() not detected. Make sure you have installed the clerkMiddleware in your root route."
    if (error instanceof Error && /clerkMiddleware\(\) not detected/.test(error.message)) return undefined
    throw error
  }
}

const reactRouterAdapter = {
  name: '@agent-tasks/react-router',
  missingMiddlewareFix:
    'Add `export const middleware = [clerkMiddleware()]` (from @clerk/react-router/server) to app/root.tsx; on React Router 7.9+ also set `future: { v8_middleware: true }` in react-router.config.ts.',
  readAuth,
  // The `Host` the browser addressed, never `X-Forwarded-Host`: React Router has no setting that marks a
  // proxy as trusted (pin the `origin` option behind one).
  requestOrigin: ({ request }: RouteArgs) => {
    const host = request.headers.get('host')
    return host === null ? new URL(request.url).origin : `${new URL(request.url).protocol}//${host}`
  },
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
 * // any action: const { url } = await agentTasks.create(args, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(reactRouterAdapter, options)
  const serve = async (args: RouteArgs, path: string): Promise<Response> =>
    toWebResponse(await kit.respond(args, webContractRequest(args.request, path)))
  const contract: AgentTasksRouteHandler = (args) => serve(args, pathBelowSplat(args))
  return {
    handler: { loader: contract, action: contract },
    route: (args) => serve(args, '/'),
    create: kit.create,
    revoke: kit.revoke,
    list: kit.list,
    revokeAll: kit.revokeAll,
    store: kit.store,
  }
}
