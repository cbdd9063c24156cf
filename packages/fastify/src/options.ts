import type { AgentTasksOptions } from '@agent-tasks/core'
import type { FastifyRequest } from 'fastify'

/**
 * Options for every helper of this package: those of `@agent-tasks/core`. Without `clerkClient` or
 * `secretKey`, agent tasks are minted with a Clerk client built on first use from
 * `CLERK_SECRET_KEY` and `CLERK_API_URL`.
 */
export type FastifyAgentTasksOptions = Omit<AgentTasksOptions<FastifyRequest>, 'basePath'>
