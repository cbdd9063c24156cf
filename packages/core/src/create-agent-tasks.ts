import { createFrontDoor } from './adapter/front-door.js'
import { pathBelow } from './http/routes.js'
import type { PreParsedBody } from './http/web-request.js'
import type { AgentTasksOptions } from './options.js'
import { type AgentTasksService, createAgentTasksService } from './service.js'
import type { AgentTaskStore } from './store/types.js'
import type { AgentTasksAuth } from './types.js'

export interface HandleOptions<Context> {
  /** The caller as the framework's Clerk SDK sees them. */
  auth: AgentTasksAuth | null | undefined
  /** The framework's request object, handed to `authorize` and hooks. */
  context: Context
  /** Path below the mount point (`/`, `/{id}/revoke`). Default: the URL path minus `basePath`. */
  path?: string
  /** A body a framework already parsed. */
  body?: PreParsedBody
}

export type AgentTasksRequestHandler<Context> = (request: Request, options: HandleOptions<Context>) => Promise<Response>

export interface AgentTasks<Context = Request> {
  /** Mints a link for the signed-in user (or another, per `authorize`). Throws `AgentTaskError`. */
  create: AgentTasksService<Context>['create']
  /** Revokes an unused link the caller minted; for a used one, ends the session(s) it opened. Throws `AgentTaskError`. */
  revoke: AgentTasksService<Context>['revoke']
  /** A page of the caller's links, newest first, brought up to date with Clerk. */
  list: AgentTasksService<Context>['list']
  /** "End all agent access" for the caller. */
  revokeAll: AgentTasksService<Context>['revokeAll']
  /** The HTTP contract: `GET {base}` lists, `POST {base}` creates, `POST {base}/{id}/revoke` revokes, `POST {base}/revoke-all` ends all agent access. Never throws. */
  handle: AgentTasksRequestHandler<Context>
  /** Records of minted links (never the links themselves). */
  store: AgentTaskStore
}

/** One request to `handle`: the caller and context the app passes, and the request's URL. */
interface HandledCall<Context> {
  url: URL
  auth: AgentTasksAuth | null | undefined
  context: Context
}

/** What the front door reads from a `handle` call: the app gave the caller (absent: signed out); the origin is the URL's. */
const handledCall = {
  name: '@agent-tasks/core',
  missingMiddlewareFix: '',
  readAuth: (call: HandledCall<unknown>) => call.auth ?? null,
  requestOrigin: (call: HandledCall<unknown>) => call.url.origin,
}

/**
 * Sets up agent tasks once, at startup: options are checked and the Clerk client is resolved here,
 * not per request. Framework adapters wrap this; use it directly in any Web-standard handler.
 *
 * @example
 * const agentTasks = createAgentTasks({ secretKey: process.env.CLERK_SECRET_KEY, origin: 'https://app.example' })
 * const response = await agentTasks.handle(request, { auth: { userId }, context: request })
 */
export function createAgentTasks<Context = Request>(options: AgentTasksOptions<Context>): AgentTasks<Context> {
  const service = createAgentTasksService(options)
  // Every adapter's front door: the same origin checks, error answers and logging.
  const door = createFrontDoor<HandledCall<Context>, Context>(handledCall, service, (call) => call.context)
  const { basePath } = service.resolved
  return {
    create: service.create,
    revoke: service.revoke,
    list: service.list,
    revokeAll: service.revokeAll,
    handle(request, { auth, context, path, body }) {
      const url = new URL(request.url)
      return door.respondWeb({ url, auth, context }, request, path ?? pathBelow(url.pathname, basePath), body)
    },
    store: service.store,
  }
}
