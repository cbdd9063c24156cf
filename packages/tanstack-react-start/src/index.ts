export * from '@agent-tasks/core/adapter-exports'
export { type AgentTasks, type AgentTasksGuardMiddleware, type AgentTasksOptions, type AgentTasksRouteHandler, createAgentTasks, type ServerRouteContext } from './create-agent-tasks.js'
