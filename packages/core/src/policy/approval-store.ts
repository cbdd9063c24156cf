import type { RuleRef } from './rules.js'

/**
 * - `pending`: waiting for the person's answer until `expiresAt`;
 * - `approved`: the agent may retry the method and path until `expiresAt` (safe methods any number
 *   of times, others once: see `approvals.ts`);
 * - `declined`: the person said no;
 * - `used`: an approved unsafe request was retried (each approval covers one such retry).
 * A `pending` or `approved` request past `expiresAt` is expired: see {@link approvalStatusAt}.
 */
export type ApprovalStatus = 'pending' | 'approved' | 'declined' | 'used'

/** What the agent asked to do, and for whom: the key an approval covers. */
export interface ApprovalKey {
  /** The user the agent session signs in: the only one who may answer. */
  userId: string
  /** The agent's Clerk session. */
  sessionId: string
  /** Upper-case. */
  method: string
  /** Normalised (the exact reading, see `path-pattern.ts`). */
  path: string
}

export interface ApprovalRequest extends ApprovalKey {
  /** 128 random bits, `apr_` + 32 hex digits. */
  id: string
  agentTaskId?: string
  /** The rule that asked. */
  rule: RuleRef
  status: ApprovalStatus
  /** ISO 8601. */
  createdAt: string
  /** ISO 8601: the deadline to answer while `pending`, to retry once `approved`. */
  expiresAt: string
  decidedAt?: string
  /** The person's (non-agent) session that answered. */
  decidedBySessionId?: string
  usedAt?: string
}

export type ApprovalPatch = Partial<Pick<ApprovalRequest, 'status' | 'expiresAt' | 'decidedAt' | 'decidedBySessionId' | 'usedAt'>>

export interface OpenOptions {
  /** Answer `'limit_reached'` instead of adding a request when the user has this many live `pending` ones. */
  maxPendingPerUser: number
  /** Milliseconds since the epoch. */
  now: number
}

/**
 * Where approval requests live. Implement it over the instance's store (memory, Redis). Every method
 * is one atomic step, across instances where the store is shared:
 * - `open` returns the live request (`pending` or `approved`, not expired) for `candidate`'s key if
 *   there is one, else saves `candidate` (or answers `'limit_reached'`); check and write together, so
 *   a burst of identical agent requests makes one request for the person, not many.
 * - `transition` is a compare-and-set: the patch applies only when the request's status is one of
 *   `from` and, with `liveAt`, it has not expired by then. It returns the request after the change,
 *   `undefined` when nothing changed (missing, other status, or expired).
 * - A store may drop a request only once it cannot act any more (declined, used or expired).
 */
export interface ApprovalStore {
  open(candidate: ApprovalRequest, options: OpenOptions): Promise<ApprovalRequest | 'limit_reached'>
  get(id: string): Promise<ApprovalRequest | undefined>
  transition(id: string, expected: { from: readonly ApprovalStatus[]; liveAt?: number }, patch: ApprovalPatch): Promise<ApprovalRequest | undefined>
  /** The user's requests, newest first, `pending` ones only when asked. */
  listByUser(userId: string, filter?: { status?: ApprovalStatus }): Promise<ApprovalRequest[]>
}

/** The request's status at `now` (ms), `expired` once a pending or approved one is past its `expiresAt`. */
export function approvalStatusAt(request: ApprovalRequest, now: number): ApprovalStatus | 'expired' {
  if ((request.status === 'pending' || request.status === 'approved') && !(Date.parse(request.expiresAt) > now)) return 'expired'
  return request.status
}

/** Whether the request can still lead to a request passing: pending or approved, not expired. */
export function approvalIsLive(request: ApprovalRequest, now: number): boolean {
  const status = approvalStatusAt(request, now)
  return status === 'pending' || status === 'approved'
}

export function approvalKeyString(key: ApprovalKey): string {
  return [key.userId, key.sessionId, key.method, key.path].join('\u0000')
}
