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
export { type AgentTasksRouteHandlers, createAgentTasksHandler } from './handler.js'
export type { NextAgentTasksContext, NextAgentTasksOptions } from './options.js'
export { createAgentTask, revokeAgentTask } from './programmatic.js'
export { type AgentTaskRoute, createAgentTaskRoute } from './route.js'
export type { AgentTasksRouteContext, AgentTasksRouteHandler } from './route-context.js'
