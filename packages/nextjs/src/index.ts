export * from '@agent-tasks/core/adapter-exports'
export {
  type AgentTasks,
  type AgentTasksOptions,
  type AgentTasksRouteHandlers,
  createAgentTasks,
  type NextAgentTasksContext,
} from './create-agent-tasks.js'
export type { AgentTasksRouteContext, AgentTasksRouteHandler } from './route-context.js'
