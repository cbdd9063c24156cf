import { AgentTaskError, type AgentTasksAuth } from '@agent-tasks/core'
import { getAuth } from '@clerk/fastify'
import type { FastifyRequest } from 'fastify'

/** The fix, shown wherever a missing `clerkPlugin` is detected. */
export const MISSING_CLERK_PLUGIN =
  '@agent-tasks/fastify needs clerkPlugin from @clerk/fastify on its routes. Register it on the app (or a context enclosing the agent-tasks routes): `await fastify.register(clerkPlugin)`, then `fastify.register(createAgentTasksHandler(), { prefix: "/api/agent-tasks" })`.'

export function missingClerkPlugin(): AgentTaskError {
  console.error(`[agent-tasks] ${MISSING_CLERK_PLUGIN}`)
  return new AgentTaskError('misconfigured', MISSING_CLERK_PLUGIN)
}

/** The caller as `@clerk/fastify` sees them; a clear error when `clerkPlugin` did not run. */
export function readAuth(request: FastifyRequest): AgentTasksAuth {
  // clerkPlugin decorates every request with `auth` and fills it in its hook.
  if (!(request as { auth?: unknown }).auth) throw missingClerkPlugin()
  const auth = getAuth(request)
  return { userId: auth.userId, sessionId: auth.sessionId, actor: auth.actor }
}
