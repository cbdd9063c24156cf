import type { RevokeAllResult } from '../ledger/end-access.js'
import type { AgentTaskPage, ListAgentTasksQuery } from '../ledger/list-query.js'
import type { ApprovalRequest } from '../policy/approval-store.js'
import type { CreatedAgentTask } from '../service.js'
import type { AgentTaskRecord, AgentTaskStore } from '../store/types.js'
import type { CreateAgentTaskInput } from '../validation/create-input.js'

/** The programmatic methods of an instance, by name (what a call outside a request is reported as). */
export type AgentTasksMethod = 'create' | 'revoke' | 'list' | 'revokeAll' | 'approvals.list' | 'approvals.approve' | 'approvals.decline'

/**
 * The person's side of agents' approval requests (see "Agent policy" in core's README). Only a signed-in
 * person may call these: an agent session is refused (`agent_session_forbidden`), whatever
 * `allowAgentSessions` says. Each throws `AgentTaskError`.
 */
export interface AgentTasksApprovals<Args extends unknown[]> {
  /** Requests waiting for the signed-in person's answer, newest first. */
  list(...args: Args): Promise<ApprovalRequest[]>
  /** Lets the agent retry the request (once for writes, until `approvalTtlSeconds` for reads). */
  approve(...args: [...Args, approvalId: string]): Promise<ApprovalRequest>
  /** Refuses it for good; the agent must ask again. */
  decline(...args: [...Args, approvalId: string]): Promise<ApprovalRequest>
}

/**
 * What every adapter instance offers, whatever the framework: each method takes the framework's
 * request object (`req`, `context`, `event`, `args`) to find who is signed in.
 */
export interface AgentTasksBase<Native> {
  /** Mints a link for the user signed in on this request. Throws `AgentTaskError`. */
  create(native: Native, input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /**
   * Revokes a link the user signed in on this request minted (or may manage); for a used link, ends
   * the session(s) it opened. Throws `AgentTaskError`.
   */
  revoke(native: Native, agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the user's links, newest first, status and sessions as Clerk shows them now. Throws `AgentTaskError`. */
  list(native: Native, query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(native: Native, userId?: string): Promise<RevokeAllResult>
  /** Agents' requests waiting for the person signed in on this request: `approvals.list(req)`, `approvals.approve(req, id)`, `approvals.decline(req, id)`. */
  readonly approvals: AgentTasksApprovals<[native: Native]>
  /** Records of minted links (never the links themselves), shared by every helper of the instance. */
  readonly store: AgentTaskStore
}

/**
 * The same, for frameworks that know the request being served (Next.js, TanStack Start): the methods
 * act for the user signed in on the current request, and take no request object.
 */
export interface CurrentRequestAgentTasksBase {
  /** Mints a link for the user signed in on the current request. Throws `AgentTaskError`. */
  create(input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /**
   * Revokes a link the user signed in on the current request minted (or may manage); for a used link,
   * ends the session(s) it opened. Throws `AgentTaskError`.
   */
  revoke(agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the user's links, newest first, status and sessions as Clerk shows them now. Throws `AgentTaskError`. */
  list(query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(userId?: string): Promise<RevokeAllResult>
  /** Agents' requests waiting for the person signed in on the current request: `approvals.list()`, `approvals.approve(id)`, `approvals.decline(id)`. */
  readonly approvals: AgentTasksApprovals<[]>
  /** Records of minted links (never the links themselves), shared by every helper of the instance. */
  readonly store: AgentTaskStore
}
