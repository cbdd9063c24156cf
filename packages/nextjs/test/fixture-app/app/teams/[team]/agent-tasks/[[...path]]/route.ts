import { createAgentTasks } from '@agent-tasks/nextjs'

// Below another dynamic segment: the mount point is still derived from the catch-all.
export const { POST, GET, PUT, PATCH, DELETE } = createAgentTasks().handler
