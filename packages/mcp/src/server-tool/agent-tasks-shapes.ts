import type { CreateAgentTaskInput, CreatedAgentTask } from '@agent-tasks/core'

/**
 * The part of an adapter instance the tool uses, typed from the adapters' public `create` signatures
 * (no adapter is imported: the tool works with whichever one the app has).
 *
 * Request-bound: Express (`req`), Fastify (`request`), Astro (`context`), Nuxt (`event`), React Router
 * (the action's `args`). The instance finds the user on the request object it is given.
 */
export interface RequestBoundAgentTasks<Native> {
  create(native: Native, input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
}

/** Current-request: Next.js and TanStack Start, whose instance reads the request being served itself. */
export interface CurrentRequestAgentTasks {
  create(input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
}
