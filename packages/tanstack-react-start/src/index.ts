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
export { type AgentTasks, type AgentTasksOptions, type AgentTasksRouteHandler, createAgentTasks, type ServerRouteContext } from './create-agent-tasks.js'
