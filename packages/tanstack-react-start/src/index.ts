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
export { type AgentTasks, type AgentTasksOptions, type AgentTasksRouteHandler, createAgentTasks, type ServerRouteContext } from './create-agent-tasks.js'
