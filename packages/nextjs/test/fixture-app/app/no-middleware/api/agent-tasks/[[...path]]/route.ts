import { createAgentTasks } from '@agent-tasks/nextjs'

// proxy.ts leaves this path out of its matcher: clerkMiddleware() never runs here.
export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasks().handler
