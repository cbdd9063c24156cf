import type { RevokeAllResult } from '../ledger/end-access.js'
import type { AgentTaskPage, ListAgentTasksQuery } from '../ledger/list-query.js'
import type { CreatedAgentTask } from '../service.js'
import type { AgentTaskRecord, AgentTaskStore } from '../store/types.js'
import type { CreateAgentTaskInput } from '../validation/create-input.js'

/** The programmatic methods of an instance, by name (what a call outside a request is reported as). */
export type AgentTasksMethod = 'create' | 'revoke' | 'list' | 'revokeAll'

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
  /** Records of minted links (never the links themselves), shared by every helper of the instance. */
  readonly store: AgentTaskStore
}
