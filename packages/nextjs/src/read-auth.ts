import type { AgentTasksAuth } from '@agent-tasks/core'
import { clerkNextServer } from './clerk-server.js'

// Clerk's auth() throws a plain Error when its middleware did not run for the request: "auth() was
// called but Clerk can't detect usage of clerkMiddleware()", "clerkMiddleware() was not run, your
// proxy file might be misplaced", or a missing auth signature ("the Clerk middleware did not run").
function isMissingMiddlewareError(error: unknown): boolean {
  return error instanceof Error && /clerkMiddleware\(\)|middleware did not run/i.test(error.message)
}

/** The caller as `await auth()` sees them, or `undefined` when `clerkMiddleware()` did not run. */
export async function readAuth(): Promise<AgentTasksAuth | undefined> {
  const { auth } = await clerkNextServer()
  try {
    return await auth()
  } catch (error) {
    if (isMissingMiddlewareError(error)) return undefined
    throw error
  }
}
