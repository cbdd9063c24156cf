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
export type { ExpressAgentTasksOptions } from './options.js'
export { createAgentTask, revokeAgentTask } from './programmatic.js'
export { type AgentTaskRoute, createAgentTaskRoute } from './route.js'
export { type AgentTasksRouter, createAgentTasksHandler } from './router.js'
