import { createAgentTasks } from '@agent-tasks/react-router'

/** The app's one agent-tasks instance: the API route uses it, and so could any loader or action (`agentTasks.create(args)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
