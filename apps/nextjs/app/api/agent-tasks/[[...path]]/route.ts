import { createAgentTasksHandler } from '@agent-tasks/nextjs'

// The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasksHandler({
  redirect: { defaultUrl: '/dashboard' },
  taskDescription: 'Sample app agent task',
  session: { defaultSeconds: 900, maxSeconds: 3600 },
})
