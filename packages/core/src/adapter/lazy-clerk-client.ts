import type { ClerkAgentTasksClient } from '../types.js'

/**
 * A Clerk client whose real one is loaded on first use, for SDKs whose client exists only inside a
 * request or a framework build (`@clerk/nextjs`, `@clerk/nuxt`). A failed load is tried again next time.
 */
export function lazyClerkClient(load: () => Promise<ClerkAgentTasksClient>): ClerkAgentTasksClient {
  let loading: Promise<ClerkAgentTasksClient> | undefined
  const client = (): Promise<ClerkAgentTasksClient> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }
  return {
    agentTasks: {
      create: async (params) => (await client()).agentTasks.create(params),
      revoke: async (agentTaskId) => (await client()).agentTasks.revoke(agentTaskId),
    },
    sessions: {
      getSessionList: async (params) => (await client()).sessions.getSessionList(params),
      revokeSession: async (sessionId) => (await client()).sessions.revokeSession(sessionId),
    },
    users: {
      getUserList: async (params) => (await client()).users.getUserList(params),
      getUser: async (userId) => (await client()).users.getUser(userId),
    },
  }
}
