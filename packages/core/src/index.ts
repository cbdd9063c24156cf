export type { CallContext, CreateCallContext, CreatedAgentTask } from './service.js'
export { type AgentTasks, type AgentTasksRequestHandler, createAgentTasks, type HandleOptions } from './create-agent-tasks.js'
export {
  AgentTaskError,
  type AgentTaskErrorCode,
  type AgentTaskErrorOptions,
  agentTaskErrorCodes,
  type FieldError,
  isAgentTaskError,
} from './errors.js'
export { isAgentSession } from './admission.js'
export type { PreParsedBody } from './http/web-request.js'
export { problemResponse } from './http/responses.js'
export { redactCredentials } from './redact.js'
export { agentTaskIdOf, isAgentActor, listAgentSessions } from './clerk/agent-sessions.js'
export type { RevokeAllResult } from './ledger/end-access.js'
export type { AgentTaskPage, ListAgentTasksQuery } from './ledger/list-query.js'
export type { MintLimitsOptions } from './limits/mint-limits.js'
export type { CreateRateLimiter, RateLimiterLike, RateLimiterPolicy, RateLimiterVerdict } from './limits/rate-limiter.js'
export { type AgentTasksOptions, DEFAULT_AGENT_TASKS_PATH } from './options.js'
export type { AgentPolicyService } from './agent-policy.js'
export type {
  AdmitResult,
  AgentPolicyOptions,
  AgentSessionAuth,
  ApprovalKey,
  ApprovalPatch,
  ApprovalRequest,
  ApprovalStatus,
  ApprovalStore,
  Decision,
  DenyReason,
  GuardOutcome,
  GuardProblem,
  GuardRefusal,
  HttpMethod,
  MemoryApprovalStoreOptions,
  MethodSelector,
  OpenOptions,
  PolicyRule,
  ResolvedPolicy,
  RuleEffect,
  RuleRef,
  Scope,
  ScopeRule,
} from './policy/index.js'
export { approvalIsLive, approvalKeyString, approvalStatusAt } from './policy/approval-store.js'
export { createMemoryApprovalStore } from './policy/memory-approval-store.js'
export { isAgentAuth } from './policy/session-link.js'
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js'
export {
  actsUntil,
  type AgentTaskCursor,
  type AgentTaskListFilter,
  type AgentTaskRecord,
  type AgentTaskRecordPatch,
  type AgentTaskSession,
  type AgentTaskStatus,
  type AgentTaskStore,
  canStillAct,
  compareNewestFirst,
  involves,
  type InvolvingFilter,
  matchesFilter,
  type SaveOptions,
  settledStatuses,
} from './store/types.js'
export type {
  AgentActionRefusedEvent,
  ApprovalDecidedEvent,
  ApprovalRequestedEvent,
  ApprovalUsedEvent,
  AgentTaskAction,
  AgentTaskHooks,
  AgentTasksAuth,
  AuthorizeArgs,
  ClerkAgentTasksClient,
  ClerkSession,
  CreatedEvent,
  DeniedEvent,
  FailedEvent,
  RevokedEvent,
  SessionEndedEvent,
  SignedInAuth,
} from './types.js'
export type { CreateAgentTaskInput, OnBehalfOf } from './validation/create-input.js'
