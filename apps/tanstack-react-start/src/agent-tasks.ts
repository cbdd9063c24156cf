import { createAgentTasks } from '@agent-tasks/tanstack-react-start'

/** The app's one agent-tasks instance: the API route uses it, and so could any server function (`agentTasks.create()`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
