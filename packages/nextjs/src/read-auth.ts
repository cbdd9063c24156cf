import type { AgentTasksAuth } from '@agent-tasks/core'
import { authUnlessMiddlewareMissing } from '@agent-tasks/core/adapter'
import { clerkNextServer } from './clerk-server.js'

/**
 * The caller as `await auth()` sees them, or `undefined` when `clerkMiddleware()` did not run: Clerk's
 * auth() then throws a plain Error, "auth() was called but Clerk can't detect usage of
 * clerkMiddleware()", "clerkMiddleware() was not run, your proxy file might be misplaced", or a missing
 * auth signature ("the Clerk middleware did not run").
 */
const readServerAuth = authUnlessMiddlewareMissing(
  async () => (await clerkNextServer()).auth(),
  /clerkMiddleware\(\)|middleware did not run/i,
)

/** The `auth` that `clerkMiddleware((auth, request) => …)` hands its handler, where `auth()` of `@clerk/nextjs/server` does not work. */
export type ProxyAuth = () => Promise<AgentTasksAuth>

/** The proxy's `auth` per request, for the guard (which runs in proxy.ts). */
export const proxyAuth = new WeakMap<Request, ProxyAuth>()

/** The caller: in proxy.ts, from Clerk's middleware handler; anywhere else, as `await auth()` sees them. */
export function readAuth(native: Request | undefined): Promise<AgentTasksAuth | undefined> {
  const inProxy = native === undefined ? undefined : proxyAuth.get(native)
  return inProxy === undefined ? readServerAuth(native) : inProxy()
}
