import { createAgentTasks } from '@agent-tasks/nextjs'

/** The app's one agent-tasks instance: the route file uses it, and so could Server Actions (`agentTasks.create(input)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
