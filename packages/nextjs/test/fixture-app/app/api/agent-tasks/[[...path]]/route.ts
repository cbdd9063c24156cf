import { agentTasks } from '../../../../lib/agent-tasks.js'

export const { POST, GET, PUT, PATCH, DELETE } = agentTasks.handler
