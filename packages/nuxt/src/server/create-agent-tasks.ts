import type { AgentTasksAuth, ClerkAgentTasksClient } from '@agent-tasks/core'
import {
  type AdapterOptions,
  type AgentTasksBase,
  type ContractRequest,
  createAdapterKit,
  lazyClerkClient,
  pathBelowCatchAll,
  webContractRequest,
} from '@agent-tasks/core/adapter'
import { nodeContractRequest } from '@agent-tasks/core/node'
import {
  defineEventHandler,
  type EventHandler,
  type EventHandlerRequest,
  getRequestHeader,
  getRequestHost,
  getRequestProtocol,
  type H3Event,
  setResponseHeaders,
  setResponseStatus,
} from 'h3'

/** Options of `createAgentTasks`: those of `@agent-tasks/core`; `authorize` and hooks get the h3 event as `context`. */
export type AgentTasksOptions = AdapterOptions<H3Event>

/** One instance per app (e.g. `server/agent-tasks.ts`, which the module mounts): every helper shares its store, hooks and `authorize`. Its methods take the server route's h3 `event`. */
export interface AgentTasks extends AgentTasksBase<H3Event> {
  /** The whole contract, as an h3 event handler for a catch-all route: `export default agentTasks.handler` in `server/api/agent-tasks/[...path].ts`. */
  handler: EventHandler<EventHandlerRequest, Promise<string>>
  /** One handler that mints a link, for a route of your own: `export default agentTasks.route` in `server/api/….post.ts`. */
  route: EventHandler<EventHandlerRequest, Promise<string>>
  /**
   * The agent policy on every request, as Nitro server middleware after Clerk's: the module mounts it
   * with `agentTasks: { guard: true }` in nuxt.config. A person's request (and an agent's the policy
   * allows) goes on (`undefined`); an agent's refused one is answered 403 `agent_action_forbidden`
   * (problem+json, or a small page for a page navigation), or 503 when the ledger cannot be read.
   */
  guard: EventHandler<EventHandlerRequest, Promise<string | undefined>>
}

const PACKAGE = '@agent-tasks/nuxt'

/**
 * `@clerk/nuxt`'s `clerkClient`, loaded on the first call: it reads Nuxt's runtime config through
 * Nitro's `#imports`, so it exists only inside a Nuxt server build (this module stays importable anywhere).
 */
function nuxtClerkClient(): ClerkAgentTasksClient {
  // Without an event, Nitro's useRuntimeConfig() answers the process-wide config (env applied at start).
  return lazyClerkClient(() => import('@clerk/nuxt/server').then(({ clerkClient }) => clerkClient(undefined as never)))
}

const nuxtAdapter = {
  name: PACKAGE,
  missingMiddlewareFix:
    "Add '@clerk/nuxt' to `modules` in nuxt.config (before '@agent-tasks/nuxt'); with `clerk: { skipServerMiddleware: true }`, add `export default clerkMiddleware()` (from @clerk/nuxt/server) in server/middleware/.",
  // `@clerk/nuxt`'s server middleware sets `event.context.auth`; absent, it did not run.
  readAuth: (event: H3Event) => (event.context as { auth?: () => AgentTasksAuth }).auth?.(),
  // The `Host` the browser addressed and the connection's protocol, never forwarded headers (h3 trusts
  // them only when told to): behind a proxy, pin the `origin` option.
  requestOrigin: (event: H3Event) =>
    `${getRequestProtocol(event, { xForwardedProto: false })}://${getRequestHost(event, { xForwardedHost: false })}`,
  clerkClient: nuxtClerkClient,
}

/**
 * The contract's view of the request: on Nitro's Node presets straight from Node's `IncomingMessage`
 * (no Web streams in between, and no URL built from a `Host` the contract has not checked yet); on
 * Web presets from the platform's `Request`.
 */
function contractRequestOf(event: H3Event, path: string): ContractRequest {
  return event.web?.request ? webContractRequest(event.web.request, path) : nodeContractRequest(event.node.req, { path })
}

/** The path below a catch-all route's mount point, by its catch-all parameter (the route's last). */
function pathBelowRest(event: H3Event): string {
  return pathBelowCatchAll(event.path.split('?')[0] ?? '', Object.values(event.context.params ?? {}).at(-1))
}

/**
 * Agent tasks for a Nuxt app, on `@clerk/nuxt`. With the module (`modules: ['@clerk/nuxt',
 * '@agent-tasks/nuxt']`), export the instance from `server/agent-tasks.ts` and the module mounts it.
 *
 * @example
 * // server/agent-tasks.ts
 * export const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } })
 * // nuxt.config.ts: `agentTasks: { guard: true }` puts the agent policy on every request
 * // any server route: const { url } = await agentTasks.create(event, { taskDescription: 'Nightly check' })
 */
export function createAgentTasks(options: AgentTasksOptions = {}): AgentTasks {
  const kit = createAdapterKit(nuxtAdapter, options)
  // Status and headers set on the event, the body returned as text: h3 writes it as it is.
  const serve = async (event: H3Event, path: string): Promise<string> => {
    const response = await kit.respond(event, contractRequestOf(event, path))
    setResponseStatus(event, response.status)
    setResponseHeaders(event, response.headers)
    return response.body
  }
  const guard = async (event: H3Event): Promise<string | undefined> => {
    // `event.path` is what h3 routes (query included).
    const request = { method: event.method, path: event.path.split('?', 1)[0] ?? '/', accept: getRequestHeader(event, 'accept') }
    const refusal = await kit.guard(event, request)
    if (refusal === undefined) return undefined
    setResponseStatus(event, refusal.status)
    setResponseHeaders(event, refusal.headers)
    return refusal.body
  }
  return kit.instance<Pick<AgentTasks, 'handler' | 'route' | 'guard'>>({
    handler: defineEventHandler((event) => serve(event, pathBelowRest(event))),
    route: defineEventHandler((event) => serve(event, '/')),
    guard: defineEventHandler(guard),
  })
}
