import type { ClerkAgentTasksClient } from '@agent-tasks/core'
import { lazyClerkClient } from '@agent-tasks/core/adapter'
import { clerkNextServer } from './clerk-server.js'

/**
 * `@clerk/nextjs`'s client, resolved on first use (inside a request, where `clerkClient()` reads
 * the keys `clerkMiddleware()` was given) and kept for the process.
 */
export function lazyNextClerkClient(): ClerkAgentTasksClient {
  return lazyClerkClient(() => clerkNextServer().then(({ clerkClient }) => clerkClient()))
}
