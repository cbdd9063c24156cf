import { createAgentTasks } from '@agent-tasks/nextjs'

export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasks({ basePath: '/with-base-path' }).handler
