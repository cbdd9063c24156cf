import type { ResolvedOptions } from '../options.js'
import type { AgentTaskAction, ClerkAgentTasksClient, SignedInAuth } from '../types.js'

/** A call by a user already found signed in and allowed. */
export interface SignedCall<Context> {
  auth: SignedInAuth
  context: Context
}

/** What the ledger's operations share with the service. */
export interface LedgerDeps<Context> {
  resolved: ResolvedOptions<Context>
  /** Calls Clerk within the timeout; failures become `AgentTaskError`s, reported to `onFailed`. */
  clerk<T>(action: AgentTaskAction, call: SignedCall<Context>, work: (client: ClerkAgentTasksClient) => Promise<T>): Promise<T>
}
