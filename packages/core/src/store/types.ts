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
  /** The user the link signs in: given by ID, or found in Clerk from `subjectIdentifier` once needed. */
  subjectUserId?: string
  /** The user the link signs in, when given by email, phone or username. */
  subjectIdentifier?: string
  taskDescription: string
  redirectUrl: string
  sessionMaxDurationInSeconds: number
  status: AgentTaskStatus
  /** ISO 8601 timestamps. */
  createdAt: string
  /** When an unused link stops being accepted here: past it, the library revokes it and marks it `expired`. */
  expiresAt: string
  /** When Clerk's sessions showed the link used (the session's creation time). */
  usedAt?: string
  revokedAt?: string
  /** The Clerk session(s) the link opened, as last seen in Clerk. */
  sessions?: AgentTaskSession[]
  /** The scope the link was minted with (see the `policy` option); none: the default policy only. */
  scope?: string
}

/** A Clerk session an agent task opened. `status` is Clerk's: `active`, `revoked`, `ended`, `expired`, … */
export interface AgentTaskSession {
  sessionId: string
  status: string
  /** ISO 8601. */
  createdAt: string
  /** ISO 8601, when the session ends at the latest. */
  expiresAt?: string
}

/**
 * - `pending`: not used yet, as far as Clerk's sessions show; the link still signs in.
 * - `used`: Clerk shows a session the link opened (see `sessions` for whether it is still active).
 * - `revoked`: revoked before it was used.
 * - `expired`: not used within its lifetime, so the library revoked it.
 */
export type AgentTaskStatus = 'pending' | 'used' | 'revoked' | 'expired'

/** Records whose link can no longer sign anyone in (a `used` one may still have a live session: see {@link canStillAct}). */
export const settledStatuses: readonly AgentTaskStatus[] = ['used', 'revoked', 'expired']

/**
 * The last moment anything a record points to may still act as its user, in ms since the epoch:
 * - `pending`: never over (the link still signs in) — `Infinity`;
 * - `revoked` / `expired`: the link was refused before it was used — already over (`-Infinity`);
 * - `used`: when every session it opened has ended, over; otherwise the latest end of its sessions
 *   (each session's `expiresAt`, or its start plus the link's `sessionMaxDurationInSeconds`; with no
 *   session known, the link's own `expiresAt` plus that maximum).
 *
 * A store may drop a record only past this moment: dropping it earlier would hide a live agent
 * session from the owner's revoke and from "end all agent access".
 */
export function actsUntil(record: AgentTaskRecord): number {
  if (record.status === 'pending') return Number.POSITIVE_INFINITY
  if (record.status !== 'used') return Number.NEGATIVE_INFINITY
  const maxMs = record.sessionMaxDurationInSeconds * 1000
  const sessions = record.sessions ?? []
  if (sessions.length > 0 && sessions.every((session) => session.status !== 'active')) return Number.NEGATIVE_INFINITY
  if (sessions.length === 0) return orForever(Date.parse(record.expiresAt) + maxMs)
  let latest = Number.NEGATIVE_INFINITY
  for (const session of sessions) {
    if (session.status !== 'active') continue
    const end = session.expiresAt === undefined ? Date.parse(session.createdAt) + maxMs : Date.parse(session.expiresAt)
    latest = Math.max(latest, orForever(end))
  }
  return latest
}

/** An unreadable time keeps the record: forgetting a live session is worse than keeping a dead one. */
function orForever(ms: number): number {
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms
}

/** Whether anything a record points to may still act as its user at `now` (ms): such a record must be kept. */
export function canStillAct(record: AgentTaskRecord, now: number = Date.now()): boolean {
  return actsUntil(record) > now
}

/** A position in a listing, newest first: records strictly older than this one come next. */
export interface AgentTaskCursor {
  createdAt: string
  agentTaskId: string
}

/**
 * The links that concern a user: those they minted, and those minted for them by anyone (by user ID,
 * or by one of their `identifiers` — email addresses, phone numbers, username — compared lower-cased).
 */
export interface InvolvingFilter {
  userId: string
  /** Lower-cased. */
  identifiers?: readonly string[]
}

export interface AgentTaskListFilter {
  ownerUserId?: string
  subjectUserId?: string
  /** Records the user minted or that sign the user in (see {@link InvolvingFilter}). */
  involving?: InvolvingFilter
  status?: AgentTaskStatus
  /** Only records created before this ISO 8601 time (used to find expired links). */
  createdBefore?: string
  after?: AgentTaskCursor
  limit?: number
}

export type AgentTaskRecordPatch = Partial<
  Pick<AgentTaskRecord, 'status' | 'revokedAt' | 'usedAt' | 'sessions' | 'subjectUserId'>
>

export interface SaveOptions {
  /** Refuse the record (answer `'limit_reached'`) when its owner already has this many `pending` records. */
  maxPendingPerOwner?: number
}

/**
 * Storage for records. Implement it over your database or Redis; every method may be async.
 *
 * - `save` may refuse a record by throwing (store down or full): the library then revokes the link it
 *   just minted, so no link exists without a record. It answers `'limit_reached'` when
 *   `maxPendingPerOwner` is given and the owner already has that many `pending` records (counted and
 *   written atomically, across instances). A store never drops the record of a `pending` link (it
 *   still signs in): refuse new records instead.
 * - `update` with `expected` is a compare-and-set: the patch applies only if the record's status is one
 *   of `expected`, checked and written atomically (one instance or many). It returns the record as it
 *   is after the call (changed or not), `undefined` when there is none.
 * - `list` returns newest first (`createdAt`, then `agentTaskId`, descending), at most `limit`.
 */
export interface AgentTaskStore {
  // biome-ignore lint/suspicious/noConfusingVoidType: a store that has no limit to report returns nothing
  save(record: AgentTaskRecord, options?: SaveOptions): Promise<void | 'limit_reached'>
  get(agentTaskId: string): Promise<AgentTaskRecord | undefined>
  update(
    agentTaskId: string,
    patch: AgentTaskRecordPatch,
    expected?: readonly AgentTaskStatus[],
  ): Promise<AgentTaskRecord | undefined>
  list(filter?: AgentTaskListFilter): Promise<AgentTaskRecord[]>
  /** How many `pending` records the owner has. */
  countPending(ownerUserId: string): Promise<number>
  /**
   * The record whose `sessions` lists this Clerk session: how the guard finds the link (and scope) of
   * an agent session. Keep an index in step with `save` and `update` of `sessions`. Optional for
   * stores written before it: without it the guard reads the user's records (`list({ subjectUserId })`).
   */
  findBySession?(sessionId: string): Promise<AgentTaskRecord | undefined>
}

/** Newest first: `a` before `b` when it was created later (ties broken by ID). */
export function compareNewestFirst(a: AgentTaskCursor, b: AgentTaskCursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  if (a.agentTaskId === b.agentTaskId) return 0
  return a.agentTaskId < b.agentTaskId ? 1 : -1
}

/** Whether a record concerns the user: minted by them, or signing them in. */
export function involves(record: AgentTaskRecord, involving: InvolvingFilter): boolean {
  if (record.ownerUserId === involving.userId || record.subjectUserId === involving.userId) return true
  const identifier = record.subjectIdentifier?.toLowerCase()
  return identifier !== undefined && (involving.identifiers ?? []).some((candidate) => candidate.toLowerCase() === identifier)
}

/** Whether `record` passes `filter` (all but `limit`). */
export function matchesFilter(record: AgentTaskRecord, filter: AgentTaskListFilter): boolean {
  return (
    (filter.involving === undefined || involves(record, filter.involving)) &&
    (filter.ownerUserId === undefined || record.ownerUserId === filter.ownerUserId) &&
    (filter.subjectUserId === undefined || record.subjectUserId === filter.subjectUserId) &&
    (filter.status === undefined || record.status === filter.status) &&
    (filter.createdBefore === undefined || record.createdAt < filter.createdBefore) &&
    (filter.after === undefined || compareNewestFirst(filter.after, record) < 0)
  )
}
