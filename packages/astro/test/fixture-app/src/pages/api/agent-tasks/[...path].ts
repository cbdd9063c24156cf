import { agentTasks } from '../../../agent-tasks'

export const prerender = false
export const ALL = agentTasks.handler
