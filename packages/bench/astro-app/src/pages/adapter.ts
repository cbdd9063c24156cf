import { createAgentTasks } from '@agent-tasks/astro'

// The adapter's route helper with its defaults, as users write it.
export const POST = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).route
