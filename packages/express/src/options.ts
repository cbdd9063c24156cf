import type { AgentTasksOptions } from '@agent-tasks/core'
import type { Request } from 'express'

/**
 * Options for every helper of this package: those of `@agent-tasks/core`, with the Clerk client
 * defaulting to `@clerk/express`'s `clerkClient` (configured by the `CLERK_*` environment variables).
 */
export type ExpressAgentTasksOptions = Omit<AgentTasksOptions<Request>, 'basePath'>
