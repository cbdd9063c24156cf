import { createClerkClient } from '@clerk/backend'
import { AgentTaskError } from '../errors.js'
import type { ClerkAgentTasksClient } from '../types.js'

function env(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined
}

/**
 * A Clerk client from `CLERK_SECRET_KEY` and `CLERK_API_URL` as they are when first used, for adapters
 * whose framework SDK has no process-wide client fit to reuse (one that reads the environment at
 * import, before `.env` is loaded, or one built per request).
 */
export function envClerkClient(packageName: string): () => ClerkAgentTasksClient {
  return () => {
    const secretKey = env('CLERK_SECRET_KEY')
    if (!secretKey) {
      throw new AgentTaskError(
        'misconfigured',
        `${packageName} has no Clerk secret key. Set CLERK_SECRET_KEY, or pass \`secretKey\` (and \`apiUrl\`) or \`clerkClient\` to createAgentTasks().`,
      )
    }
    const apiUrl = env('CLERK_API_URL')
    return createClerkClient({ secretKey, ...(apiUrl ? { apiUrl } : {}) })
  }
}
