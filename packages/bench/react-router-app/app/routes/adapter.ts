import { createAgentTasks } from '@agent-tasks/react-router'

// The adapter's route helper with its defaults, as users write it. (One export per function: React
// Router's build refuses `export const { action } = …`.)
export const action = createAgentTasks({ redirect: { defaultUrl: '/dashboard' } }).route
