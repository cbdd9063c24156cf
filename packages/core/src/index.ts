export type { CallContext, CreateCallContext, CreatedAgentTask } from './agent-tasks.js'
export { type AgentTasks, createAgentTasks } from './create-agent-tasks.js'
export {
  AgentTaskError,
  type AgentTaskErrorCode,
  type AgentTaskErrorOptions,
  agentTaskErrorCodes,
  type FieldError,
  isAgentTaskError,
} from './errors.js'
export { isAgentSession } from './guards.js'
export type { AgentTasksRequestHandler, HandleOptions } from './http/handler.js'
export type { PreParsedBody } from './http/web-request.js'
export { problemResponse } from './http/responses.js'
export type { AgentTasksOptions } from './options.js'
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js'
export type { AgentTaskListFilter, AgentTaskRecord, AgentTaskStatus, AgentTaskStore } from './store/types.js'
export type {
  AgentTaskAction,
  AgentTaskHooks,
  AgentTasksAuth,
  AuthorizeArgs,
  ClerkAgentTasksClient,
  CreatedEvent,
  DeniedEvent,
  FailedEvent,
  RevokedEvent,
  SignedInAuth,
} from './types.js'
export type { CreateAgentTaskInput, OnBehalfOf } from './validation/create-input.js'
