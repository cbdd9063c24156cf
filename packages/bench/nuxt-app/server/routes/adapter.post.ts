import { createAgentTasks } from '@agent-tasks/nuxt/server'

// The adapter's route helper with its defaults, as users write it.
export default createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).route
