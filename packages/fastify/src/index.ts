export * from '@agent-tasks/core/adapter-exports'
export { type AgentTasks, type AgentTasksOptions, type AgentTasksGuardHook, type AgentTasksRouteHandler, createAgentTasks } from './create-agent-tasks.js'
