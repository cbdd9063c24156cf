import { agentTasks } from '../../../../lib/agent-tasks'

// The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
export const { POST, GET, PUT, PATCH, DELETE } = agentTasks.handler
