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
export { type AgentTasks, type AgentTasksOptions, createAgentTasks } from './create-agent-tasks.js'
