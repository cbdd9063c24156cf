import { type AgentTasksService, createAgentTasksService } from './service.js'
import { type AgentTasksRequestHandler, createRequestHandler } from './http/handler.js'
import type { AgentTasksOptions } from './options.js'
import type { AgentTaskStore } from './store/types.js'

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
  return {
    create: service.create,
    revoke: service.revoke,
    list: service.list,
    revokeAll: service.revokeAll,
    handle: createRequestHandler(service),
    store: service.store,
  }
}
