import { AgentTaskError, type AgentTasksAuth } from '@agent-tasks/core'
import { clerkNextServer } from './clerk-server.js'

const MISSING_MIDDLEWARE =
  '@agent-tasks/nextjs needs clerkMiddleware() to run for this route. Add `export default clerkMiddleware()` (from @clerk/nextjs/server) to proxy.ts (Next.js 16; middleware.ts before) next to your app/ directory, with a `config.matcher` that includes this path (Clerk’s default matcher covers "/(api|trpc)(.*)").'

// Clerk's auth() throws a plain Error when its middleware did not run for the request: "auth() was
// called but Clerk can't detect usage of clerkMiddleware()", "clerkMiddleware() was not run, your
// proxy file might be misplaced", or a missing auth signature ("the Clerk middleware did not run").
function isMissingMiddlewareError(error: unknown): error is Error {
  return error instanceof Error && /clerkMiddleware\(\)|middleware did not run/i.test(error.message)
}

/** The caller as `await auth()` sees them; a clear `misconfigured` error when the middleware is missing. */
export async function readAuth(): Promise<AgentTasksAuth> {
  const { auth } = await clerkNextServer()
  let session: Awaited<ReturnType<typeof auth>>
  try {
    session = await auth()
  } catch (error) {
    if (!isMissingMiddlewareError(error)) throw error
    console.error(`[agent-tasks] ${MISSING_MIDDLEWARE}\n  Clerk said: ${error.message.split('\n')[0]}`)
    throw new AgentTaskError('misconfigured', MISSING_MIDDLEWARE, { cause: error })
  }
  return { userId: session.userId, sessionId: session.sessionId, actor: session.actor }
}
