export * from '@agent-tasks/core/adapter-exports'
export { type AgentTasks, type AgentTasksOptions, type AgentTasksRouteHandler, createAgentTasks } from './create-agent-tasks.js'
