export {
  AgentTaskError,
  type AgentTaskErrorCode,
  type AgentTaskPage,
  type AgentTaskRecord,
  type AgentTaskStatus,
  type AgentTaskStore,
  type CreateAgentTaskInput,
  type CreatedAgentTask,
  createMemoryStore,
  isAgentTaskError,
  type ListAgentTasksQuery,
  type RevokeAllResult,
} from '@agent-tasks/core'
export {
  type AgentTasks,
  type AgentTasksOptions,
  type AgentTasksRouteHandlers,
  createAgentTasks,
  type NextAgentTasksContext,
} from './create-agent-tasks.js'
export type { AgentTasksRouteContext, AgentTasksRouteHandler } from './route-context.js'
