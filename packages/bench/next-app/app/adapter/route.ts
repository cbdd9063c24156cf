import { createAgentTasks } from '@agent-tasks/nextjs'

// The adapter's route helper with its defaults, as users write it.
export const POST = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).route
