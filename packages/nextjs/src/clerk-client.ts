import type { ClerkAgentTasksClient } from '@agent-tasks/core'
import { clerkNextServer } from './clerk-server.js'

/**
 * `@clerk/nextjs`'s client, resolved on first use (inside a request, where `clerkClient()` reads
 * the keys `clerkMiddleware()` was given) and kept for the process.
 */
export function lazyNextClerkClient(): ClerkAgentTasksClient {
  let resolving: Promise<ClerkAgentTasksClient> | undefined
  const client = (): Promise<ClerkAgentTasksClient> => {
    resolving ??= clerkNextServer()
      .then(({ clerkClient }) => clerkClient())
      .catch((error: unknown) => {
        resolving = undefined // try again on the next call
        throw error
      })
    return resolving
  }
  return {
    agentTasks: {
      create: async (params) => (await client()).agentTasks.create(params),
      revoke: async (agentTaskId) => (await client()).agentTasks.revoke(agentTaskId),
    },
  }
}
