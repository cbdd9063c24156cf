import { agentTasks } from '../../../agent-tasks'

// The whole agent-tasks contract: POST /api/agent-tasks and POST /api/agent-tasks/:id/revoke.
export const prerender = false
export const ALL = agentTasks.handler
