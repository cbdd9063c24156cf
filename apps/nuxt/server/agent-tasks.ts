import { createAgentTasks } from '@agent-tasks/nuxt/server'

/** The app's one agent-tasks instance: the module mounts it, and server routes use it as `#agent-tasks`. */
export const agentTasks = createAgentTasks({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
