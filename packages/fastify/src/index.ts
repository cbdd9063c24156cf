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
export { agentTasksPlugin } from './agent-tasks-plugin.js'
export { type AgentTasksPlugin, createAgentTasksHandler } from './handler.js'
export type { FastifyAgentTasksOptions } from './options.js'
export { createAgentTask, revokeAgentTask } from './programmatic.js'
export { type AgentTaskRoute, createAgentTaskRoute } from './route.js'
