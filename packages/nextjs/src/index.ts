export {
  AgentTaskError,
  type AgentTaskErrorCode,
  type AgentTaskRecord,
  type AgentTaskStore,
  type CreateAgentTaskInput,
  type CreatedAgentTask,
  createMemoryStore,
  isAgentTaskError,
} from '@agent-tasks/core'
export {
  type AgentTasks,
  type AgentTasksOptions,
  type AgentTasksRouteHandlers,
  createAgentTasks,
  type NextAgentTasksContext,
} from './create-agent-tasks.js'
export type { AgentTasksRouteContext, AgentTasksRouteHandler } from './route-context.js'
