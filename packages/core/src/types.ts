import type { AgentTaskErrorCode } from './errors.js'
import type { ApprovalRequest } from './policy/approval-store.js'
import type { DenyReason } from './policy/decide.js'
import type { RuleRef } from './policy/rules.js'
import type { AgentTaskRecord } from './store/types.js'
import type { OnBehalfOf } from './validation/create-input.js'

/**
 * Who is calling, as read from the framework's Clerk SDK (`getAuth(req)`, `await auth()`, …).
 * Adapters fill this in; apps using the core directly pass their SDK's auth object as is.
 */
export interface AgentTasksAuth {
  userId: string | null | undefined
  sessionId?: string | null | undefined
  /** The session token's `act` claim; `type: "agent"` marks a session created by an agent task. */
  actor?: { type?: unknown; sub?: unknown; [claim: string]: unknown } | null | undefined
}

/** An `AgentTasksAuth` known to be signed in. */
export interface SignedInAuth extends AgentTasksAuth {
  userId: string
}

/** The part of a `@clerk/backend` client this library uses. Any Clerk SDK's `clerkClient` fits. */
export interface ClerkAgentTasksClient {
  agentTasks: {
    create(params: {
      onBehalfOf: { userId: string; identifier?: never } | { identifier: string; userId?: never }
      permissions: string
      agentName: string
      taskDescription: string
      redirectUrl: string
      sessionMaxDurationInSeconds?: number
    }): Promise<unknown>
    revoke(agentTaskId: string): Promise<unknown>
  }
  /** Where the library learns which session a link opened, and ends agent sessions. */
  sessions: {
    getSessionList(params: { userId: string; status?: 'active'; limit?: number; offset?: number }): Promise<{
      data: ClerkSession[]
      totalCount: number
    }>
    revokeSession(sessionId: string): Promise<unknown>
  }
  /** Finds the user a link minted for an email, phone number or username signs in, and a user's identifiers. */
  users: {
    getUserList(params: { emailAddress?: string[]; phoneNumber?: string[]; username?: string[]; limit?: number }): Promise<{
      data: Array<{ id: string }>
    }>
    /** The user's identifiers, to find links minted for their email, phone number or username. */
    getUser(userId: string): Promise<{
      emailAddresses?: ReadonlyArray<{ emailAddress: string }>
      phoneNumbers?: ReadonlyArray<{ phoneNumber: string }>
      username?: string | null
    }>
  }
}

/** The fields of `@clerk/backend`'s `Session` this library reads. */
export interface ClerkSession {
  id: string
  userId: string
  status: string
  /** The token's `act` claim: `{ type: "agent", … }` for sessions agent tasks opened. */
  actor: Record<string, unknown> | null
  createdAt: number
  expireAt: number
}

/**
 * `list` and `revoke-all` (end all agent access) join `create` and `revoke`. `authorize` is asked for
 * `list` when a user lists another user's links, and for `revoke-all` when one ends another's access.
 */
export type AgentTaskAction = 'create' | 'revoke' | 'list' | 'revoke-all' | 'list-approvals' | 'approve' | 'decline'

/** Asked only when a user acts beyond their own links: minting for someone else, revoking another's. */
export interface AuthorizeArgs<Context> {
  action: AgentTaskAction
  auth: SignedInAuth
  /** For `create`: the user the link signs in. */
  onBehalfOf?: OnBehalfOf
  /** For `revoke`: the link being revoked. */
  record?: AgentTaskRecord
  /** For `list` and `revoke-all`: the user whose links and agent sessions are asked for. */
  userId?: string
  /** The framework's request object (Express `req`, Next.js `Request`, …). */
  context: Context
}

export interface CreatedEvent<Context> {
  record: AgentTaskRecord
  auth: SignedInAuth
  context: Context
}

export interface RevokedEvent<Context> {
  record: AgentTaskRecord
  auth: SignedInAuth
  context: Context
}

/** An agent's Clerk session ended by the kill switch. */
export interface SessionEndedEvent<Context> {
  sessionId: string
  /** The user the session signed in. */
  userId: string
  /** The token's `act` claim (`{ type: "agent", sub, … }`). */
  actor: Record<string, unknown> | null
  /** The link that opened it, when known. */
  agentTaskId: string | undefined
  auth: SignedInAuth
  context: Context
}

export interface DeniedEvent<Context> {
  action: AgentTaskAction
  code: AgentTaskErrorCode
  message: string
  auth: AgentTasksAuth | undefined
  context: Context
}

export interface FailedEvent<Context> {
  action: AgentTaskAction
  code: AgentTaskErrorCode
  message: string
  upstreamStatus: number | undefined
  upstreamCode: string | undefined
  auth: SignedInAuth
  context: Context
}

/**
 * An agent session's request the guard refused: 403 `agent_action_forbidden` (denied, or waiting for
 * the person's approval), or 503 `store_unavailable` (the ledger, Clerk or the approval store failed:
 * the guard fails closed). Never carries a link or a token; `path` is the pathname only.
 */
export interface AgentActionRefusedEvent<Context> {
  code: 'agent_action_forbidden' | 'store_unavailable'
  status: 403 | 503
  /** `deny`: no approval can let it through; `ask`: the person may approve it (see `approvalId`); `unavailable`: 503. */
  effect: 'deny' | 'ask' | 'unavailable'
  /** Why it was denied: the decision's reason, `unplaced-session` (`unplacedAgentSessions: 'deny'`), or `approval-limit`. */
  reason: DenyReason | 'unplaced-session' | 'approval-limit' | undefined
  /** Upper-case. */
  method: string
  path: string
  /** `page`: answered with the HTML page; `api`: with a problem document. */
  kind: 'api' | 'page'
  /** The rule that denied or asked. */
  rule: RuleRef | undefined
  /** The approval request the person can answer (on `ask`). */
  approvalId: string | undefined
  userId: string
  sessionId: string | undefined
  /** The link that opened the session, when the ledger placed it. */
  agentTaskId: string | undefined
  scope: string | undefined
  context: Context
}

/** An agent asked for something that needs the person's approval: a new pending request. */
export interface ApprovalRequestedEvent<Context> {
  request: ApprovalRequest
  context: Context
}

/** The person approved or declined a request. */
export interface ApprovalDecidedEvent<Context> {
  request: ApprovalRequest
  answer: 'approve' | 'decline'
  auth: SignedInAuth
  context: Context
}

/** An agent's request passed because the person approved it (once for unsafe methods; each time for safe ones until it expires). */
export interface ApprovalUsedEvent<Context> {
  request: ApprovalRequest
  context: Context
}

/** Audit hooks. They are awaited; a hook that throws is reported and never changes the response. */
export interface AgentTaskHooks<Context> {
  onCreated?: (event: CreatedEvent<Context>) => void | Promise<void>
  /** A link revoked before use, or (`record.status === "expired"`) revoked for being unused past its lifetime. */
  onRevoked?: (event: RevokedEvent<Context>) => void | Promise<void>
  /** An agent session ended: by revoking the used link that opened it, or by "end all agent access". */
  onSessionEnded?: (event: SessionEndedEvent<Context>) => void | Promise<void>
  /** A request refused by policy: not signed in, agent session, cross-origin, not authorized. */
  onDenied?: (event: DeniedEvent<Context>) => void | Promise<void>
  /** Clerk refused or failed. */
  onFailed?: (event: FailedEvent<Context>) => void | Promise<void>
  /** The guard refused an agent session's request (policy, waiting for approval, or store down). */
  onAgentActionRefused?: (event: AgentActionRefusedEvent<Context>) => void | Promise<void>
  onApprovalRequested?: (event: ApprovalRequestedEvent<Context>) => void | Promise<void>
  onApprovalDecided?: (event: ApprovalDecidedEvent<Context>) => void | Promise<void>
  onApprovalUsed?: (event: ApprovalUsedEvent<Context>) => void | Promise<void>
  /** Called when another hook throws. Default: `console.error`. */
  onHookError?: (error: unknown, hook: string) => void
}
