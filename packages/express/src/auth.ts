import { AgentTaskError, type AgentTasksAuth } from '@agent-tasks/core'
import { getAuth } from '@clerk/express'
import type { Request } from 'express'

const MISSING_MIDDLEWARE =
  '@agent-tasks/express needs clerkMiddleware() to run first. Add `app.use(clerkMiddleware())` (from @clerk/express) before mounting the agent-tasks routes.'

/** The caller as `@clerk/express` sees them; a clear error when `clerkMiddleware()` is missing. */
export function readAuth(req: Request): AgentTasksAuth {
  if (!('auth' in req)) {
    console.error(`[agent-tasks] ${MISSING_MIDDLEWARE}`)
    throw new AgentTaskError('misconfigured', MISSING_MIDDLEWARE)
  }
  const auth = getAuth(req)
  return { userId: auth.userId, sessionId: auth.sessionId, actor: auth.actor }
}
