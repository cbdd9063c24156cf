import type { AgentTasksAuth } from '@agent-tasks/core'
import { type AdapterOptions, type AgentTasksBase, createAdapterKit, envClerkClient, pathBelowCatchAll } from '@agent-tasks/core/adapter'
import type { APIContext, APIRoute, MiddlewareHandler } from 'astro'

/** Options of `createAgentTasks`: those of `@agent-tasks/core`; `authorize` and hooks get the `APIContext` as `context`. */
export type AgentTasksOptions = AdapterOptions<APIContext>

/** One instance per app, in a module of its own (e.g. `src/agent-tasks.ts`): every helper shares its store, hooks and `authorize`. Its methods take the endpoint's or page's `APIContext`. */
export interface AgentTasks extends AgentTasksBase<APIContext> {
  /** The whole contract, for a rest-parameter endpoint (`src/pages/api/agent-tasks/[...path].ts`): `export const ALL = agentTasks.handler`. */
  handler: APIRoute
  /** One endpoint that mints a link, for a route of your own: `export const POST = agentTasks.route`. */
  route: APIRoute
  /**
   * The agent policy on every request of the app, as middleware after Clerk's, in `src/middleware.ts`:
   * `export const onRequest = sequence(clerkMiddleware(), agentTasks.guard)`. A person's request (and an
   * agent's the policy allows) goes on; an agent's refused one is answered 403 `agent_action_forbidden`
   * (problem+json, or a small page for a page navigation), or 503 when the ledger cannot be read.
   */
  guard: MiddlewareHandler
}

const PACKAGE = '@agent-tasks/astro'

// `context.locals.auth` is what `clerkMiddleware()` of @clerk/astro/server sets; absent, it did not run.
type ClerkLocals = { auth?: () => AgentTasksAuth }

const astroAdapter = {
  name: PACKAGE,
  missingMiddlewareFix:
    'Add `export const onRequest = clerkMiddleware()` (from @clerk/astro/server) to src/middleware.ts and `integrations: [clerk()]` (from @clerk/astro) to astro.config, and render the endpoint on demand (`output: \'server\'` or `export const prerender = false`).',
  readAuth: (context: APIContext) => (context.locals as ClerkLocals).auth?.(),
  // Astro's own view of the request URL: `Host` and the protocol, forwarded headers only for the
  // domains the app lists in `security.allowedDomains`.
  requestOrigin: (context: APIContext) => context.url.origin,
  // `@clerk/astro`'s `clerkClient(context)` builds a client per request; one client serves them all.
  clerkClient: envClerkClient(PACKAGE),
}

const REST_PARAMETER = /\[\.\.\.([^\]]+)\]/

/** The path below the endpoint's mount point, by its rest parameter (whatever its name). */
function pathBelowRest(context: APIContext): string {
  const name = REST_PARAMETER.exec(context.routePattern)?.[1]
  return pathBelowCatchAll(new URL(context.request.url).pathname, name === undefined ? undefined : context.params[name])
}

/**
 * Agent tasks for an Astro app rendered on demand, on `@clerk/astro`.
 *
 * @example
 * // src/agent-tasks.ts
 * export const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * // src/pages/api/agent-tasks/[...path].ts
 * export const prerender = false
 * export const ALL = agentTasks.handler
 * // src/middleware.ts: the agent policy on every page and endpoint
 * export const onRequest = sequence(clerkMiddleware(), agentTasks.guard)
 * // any endpoint: const { url } = await agentTasks.create(context, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(astroAdapter, options)
  return kit.instance<Pick<AgentTasks, 'handler' | 'route' | 'guard'>>({
    handler: (context) => kit.respondWeb(context, context.request, pathBelowRest(context)),
    route: (context) => kit.respondWeb(context, context.request, '/'),
    guard: (context, next) => kit.guardWeb(context, context.request).then<Response>((refusal) => refusal ?? next()),
  })
}
