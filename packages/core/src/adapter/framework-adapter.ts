import type { AgentTasksAuth, ClerkAgentTasksClient } from '../types.js'

type MaybePromise<T> = T | Promise<T>

/**
 * What one framework adapter supplies to the kit: only what differs per framework. Everything else —
 * the HTTP contract, the programmatic API, origins, errors, logging — comes from the kit.
 */
export interface FrameworkAdapter<Native> {
  /** The adapter's npm name, e.g. `"@agent-tasks/express"`; starts every message it causes. */
  name: string
  /** How to add the framework's Clerk middleware, shown when it did not run for a request. */
  missingMiddlewareFix: string
  /**
   * The caller as the framework's Clerk SDK sees them (`getAuth(req)`, `await auth()`, …), or
   * `undefined` when the Clerk middleware did not run for this request.
   */
  readAuth(native: Native): MaybePromise<AgentTasksAuth | undefined>
  /**
   * `protocol://host` of this request as the framework sees it, forwarded headers applied only where
   * the framework is configured to trust a proxy. May be malformed (a client's `Host`): the kit checks it.
   */
  requestOrigin(native: Native): MaybePromise<string | undefined>
  /** The framework's Clerk client, used when the app passes neither `clerkClient` nor `secretKey`. Called once. */
  clerkClient(): ClerkAgentTasksClient
  /** Errors the framework must see as they are (Next.js redirects, `notFound()`, …). */
  isFrameworkError?(error: unknown): boolean
}
