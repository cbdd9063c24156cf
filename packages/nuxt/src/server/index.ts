export * from '@agent-tasks/core/adapter-exports'
export { type AgentTasks, type AgentTasksOptions, createAgentTasks } from './create-agent-tasks.js'
