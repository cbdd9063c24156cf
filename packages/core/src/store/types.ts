/**
 * What this library remembers about a minted link. Clerk has no list or get endpoint for agent
 * tasks, so ownership checks, listings and audits rely on this record. The link itself is a
 * credential and is never stored.
 */
export interface AgentTaskRecord {
  agentTaskId: string
  agentId: string
  agentName: string
  /** The signed-in user who minted the link. */
  ownerUserId: string
  /** The user the link signs in, when given by ID. */
  subjectUserId?: string
  /** The user the link signs in, when given by email, phone or username. */
  subjectIdentifier?: string
  taskDescription: string
  redirectUrl: string
  sessionMaxDurationInSeconds: number
  status: AgentTaskStatus
  /** ISO 8601 timestamps. */
  createdAt: string
  revokedAt?: string
}

/**
 * `pending` until revoked here or found used. Clerk only says a link was used when a revoke is
 * refused, and it refuses a revoked link the same way: a record can go from `used` to `revoked`
 * when a concurrent revoke turns out to have been the one Clerk accepted.
 */
export type AgentTaskStatus = 'pending' | 'revoked' | 'used'

export interface AgentTaskListFilter {
  ownerUserId?: string
  subjectUserId?: string
  status?: AgentTaskStatus
}

/**
 * Storage for records. Implement it over your database or Redis; every method may be async.
 *
 * - `save` may refuse a record (throw): the library then revokes the link it just minted, so no link
 *   exists without a record. A store must never drop the record of a `pending` link (it still signs
 *   in): refuse new records instead.
 * - `update` with `expected` is a compare-and-set: the patch applies only if the record's status is one
 *   of `expected`, checked and written atomically (one instance or many). It returns the record as it
 *   is after the call (changed or not), `undefined` when there is none.
 * - `list` returns newest first.
 */
export interface AgentTaskStore {
  save(record: AgentTaskRecord): Promise<void>
  get(agentTaskId: string): Promise<AgentTaskRecord | undefined>
  update(
    agentTaskId: string,
    patch: Partial<Pick<AgentTaskRecord, 'status' | 'revokedAt'>>,
    expected?: readonly AgentTaskStatus[],
  ): Promise<AgentTaskRecord | undefined>
  list(filter?: AgentTaskListFilter): Promise<AgentTaskRecord[]>
}
