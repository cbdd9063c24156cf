import type { AgentTasksAuth } from '../types.js'

/**
 * The caller as a Clerk SDK's `auth()`/`getAuth()` reads them, or `undefined` where that SDK throws
 * because its middleware did not run (the kit then answers with the adapter's `missingMiddlewareFix`).
 * `missingMiddleware` matches the SDK's message for that case (no `g` flag); any other error is rethrown.
 */
export function authUnlessMiddlewareMissing<Native>(
  read: (native: Native) => AgentTasksAuth | Promise<AgentTasksAuth>,
  missingMiddleware: RegExp,
): (native: Native) => Promise<AgentTasksAuth | undefined> {
  return async (native) => {
    try {
      return await read(native)
    } catch (error) {
      if (error instanceof Error && missingMiddleware.test(error.message)) return undefined
      throw error
    }
  }
}
