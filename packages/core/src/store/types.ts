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

/** `pending` until revoked here or found used (Clerk only tells when a revoke is refused). */
export type AgentTaskStatus = 'pending' | 'revoked' | 'used'

export interface AgentTaskListFilter {
  ownerUserId?: string
  subjectUserId?: string
  status?: AgentTaskStatus
}

/**
 * Storage for records. Implement it over your database or Redis; every method may be async.
 * `list` returns newest first.
 */
export interface AgentTaskStore {
  save(record: AgentTaskRecord): Promise<void>
  get(agentTaskId: string): Promise<AgentTaskRecord | undefined>
  update(
    agentTaskId: string,
    patch: Partial<Pick<AgentTaskRecord, 'status' | 'revokedAt'>>,
  ): Promise<AgentTaskRecord | undefined>
  list(filter?: AgentTaskListFilter): Promise<AgentTaskRecord[]>
}
