import { AgentTaskError, type ClerkAgentTasksClient } from '@agent-tasks/core'
import { createClerkClient } from '@clerk/fastify'

const NO_SECRET_KEY =
  '@agent-tasks/fastify has no Clerk secret key. Set CLERK_SECRET_KEY, or pass `secretKey` (and `apiUrl`) or `clerkClient` to createAgentTasks().'

/**
 * The Clerk client agent tasks are minted with when the app passes none: built on first use from the
 * environment as it is then. `@clerk/fastify`'s own clients are no good here: its `clerkClient`
 * reads the environment once, when the module is imported (often before `.env` is loaded), and the
 * client `clerkPlugin` builds ignores `CLERK_API_URL`.
 */
export function clerkClientFromEnv(): ClerkAgentTasksClient {
  const secretKey = process.env.CLERK_SECRET_KEY
  if (!secretKey) throw new AgentTaskError('misconfigured', NO_SECRET_KEY)
  const apiUrl = process.env.CLERK_API_URL
  return createClerkClient({ secretKey, ...(apiUrl ? { apiUrl } : {}) })
}
