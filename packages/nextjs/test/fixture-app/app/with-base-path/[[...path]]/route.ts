import { createAgentTasksHandler } from '@agent-tasks/nextjs'

export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasksHandler({ basePath: '/with-base-path' })
