import { createAgentTasks } from '@agent-tasks/astro'

/** The app's one agent-tasks instance: the API endpoint uses it, and so could any page or endpoint (`agentTasks.create(Astro)`). */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
