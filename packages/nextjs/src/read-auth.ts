import { authUnlessMiddlewareMissing } from '@agent-tasks/core/adapter'
import { clerkNextServer } from './clerk-server.js'

/**
 * The caller as `await auth()` sees them, or `undefined` when `clerkMiddleware()` did not run: Clerk's
 * auth() then throws a plain Error, "auth() was called but Clerk can't detect usage of
 * clerkMiddleware()", "clerkMiddleware() was not run, your proxy file might be misplaced", or a missing
 * auth signature ("the Clerk middleware did not run").
 */
export const readAuth = authUnlessMiddlewareMissing(
  async () => (await clerkNextServer()).auth(),
  /clerkMiddleware\(\)|middleware did not run/i,
)
