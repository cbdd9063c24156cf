/**
 * The names of core every framework adapter exports as its own (`export * from
 * '@agent-tasks/core/adapter-exports'`), so an app imports everything from its adapter. One list: a
 * name added here is added to every adapter (the adapter-parity snapshot shows it).
 */
export { AgentTaskError, type AgentTaskErrorCode, isAgentTaskError } from './errors.js'
export type { RevokeAllResult } from './ledger/end-access.js'
export type { AgentTaskPage, ListAgentTasksQuery } from './ledger/list-query.js'
export type { CreatedAgentTask } from './service.js'
export type { AgentPolicyOptions, ApprovalRequest, ApprovalStore } from './policy/index.js'
export { createMemoryApprovalStore } from './policy/memory-approval-store.js'
export { createMemoryStore } from './store/memory-store.js'
export type { AgentTaskRecord, AgentTaskStatus, AgentTaskStore } from './store/types.js'
export type { CreateAgentTaskInput } from './validation/create-input.js'
