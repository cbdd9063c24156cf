import type { AgentTasksOptions } from '@agent-tasks/core'

/**
 * What `authorize` and the hooks receive as `context`: the route handler's `Request` (a
 * `NextRequest` when Next.js calls it), or `undefined` in a Server Action, which has no request
 * (read `headers()` from `next/headers` there).
 */
export type NextAgentTasksContext = Request | undefined

/**
 * Options for every helper of this package: those of `@agent-tasks/core`, with the Clerk client
 * defaulting to `@clerk/nextjs`'s `clerkClient()` (configured by `clerkMiddleware()` and the
 * `CLERK_*` environment variables).
 */
export interface NextAgentTasksOptions extends Omit<AgentTasksOptions<NextAgentTasksContext>, 'basePath'> {
  /**
   * Where the route file is mounted, e.g. `"/api/agent-tasks"`. Default: derived from each request,
   * as the URL path minus the segments of the route's optional catch-all (`[[...path]]`).
   */
  basePath?: string
}
