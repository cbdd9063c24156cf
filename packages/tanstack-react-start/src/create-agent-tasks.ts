import { AgentTaskError, type AgentTaskPage, type AgentTaskRecord, type AgentTaskStore, type AgentTasksAuth, type CreateAgentTaskInput, type CreatedAgentTask, type ListAgentTasksQuery, type RevokeAllResult } from '@agent-tasks/core'
import { type AdapterOptions, createAdapterKit, pathBelowCatchAll, toWebResponse, webContractRequest } from '@agent-tasks/core/adapter'
import { auth, clerkClient } from '@clerk/tanstack-react-start/server'
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

/** One instance per app, in a module of its own (e.g. `src/agent-tasks.ts`): every helper shares its store, hooks and `authorize`. */
export interface AgentTasks {
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
  /** Mints a link for the user signed in on the current request, from a server function or server route. Throws `AgentTaskError`. */
  create(input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /** Revokes a link the user signed in on the current request minted; for a used link, ends the session(s) it opened. Throws `AgentTaskError`. */
  revoke(agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the signed-in user's links, newest first, status and sessions as Clerk shows them now. Throws `AgentTaskError`. */
  list(query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(userId?: string): Promise<RevokeAllResult>
  /** Records of minted links (never the links themselves). */
  readonly store: AgentTaskStore
}

const PACKAGE = '@agent-tasks/tanstack-react-start'

async function readAuth(): Promise<AgentTasksAuth | undefined> {
  try {
    return await auth()
  } catch (error) {
    // "It looks like you're trying to use Clerk without configuring the middleware."
    if (error instanceof Error && /without configuring the middleware/.test(error.message)) return undefined
    throw error
  }
}

const startAdapter = {
  name: PACKAGE,
  missingMiddlewareFix:
    'Add Clerk\'s request middleware in src/start.ts: `export const startInstance = createStart(() => ({ requestMiddleware: [clerkMiddleware()] }))`, with clerkMiddleware from @clerk/tanstack-react-start/server.',
  readAuth,
  // The `Host` the browser addressed, never `X-Forwarded-Host`: TanStack Start has no setting that marks
  // a proxy as trusted (pin the `origin` option behind one).
  requestOrigin: (request: Request) => {
    const host = request.headers.get('host')
    return host === null ? new URL(request.url).origin : `${new URL(request.url).protocol}//${host}`
  },
  // Called once by the kit: one client, from the environment as Clerk's SDK reads it at first use.
  clerkClient: () => clerkClient(),
}

/** The request being served, for the programmatic API; a clear error outside one. */
function currentRequest(method: 'create' | 'revoke' | 'list' | 'revokeAll'): Request {
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
 * // a server function: const { url } = await agentTasks.create({ taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(startAdapter, options)
  const serve = async (request: Request, path: string): Promise<Response> =>
    toWebResponse(await kit.respond(request, webContractRequest(request, path)))
  const contract: AgentTasksRouteHandler = (context) => serve(context.request, pathBelowSplat(context))
  return {
    handler: { GET: contract, POST: contract, PUT: contract, PATCH: contract, DELETE: contract },
    route: ({ request }) => serve(request, '/'),
    // async, so a call outside a request rejects rather than throws.
    create: async (input) => kit.create(currentRequest('create'), input),
    revoke: async (agentTaskId) => kit.revoke(currentRequest('revoke'), agentTaskId),
    list: async (query) => kit.list(currentRequest('list'), query),
    revokeAll: async (userId) => kit.revokeAll(currentRequest('revokeAll'), userId),
    store: kit.store,
  }
}
