// What a listing asks for and answers, checked before anything is loaded or called: the listing
// itself (list-links.ts) is loaded on first use.
import { invalidRequest, type FieldError } from '../errors.js'
import type { AgentTaskCursor, AgentTaskRecord, AgentTaskStatus } from '../store/types.js'

const STATUSES: readonly AgentTaskStatus[] = ['pending', 'used', 'revoked', 'expired']
const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([A-Za-z0-9_-]{1,128})$/
const USER_ID = /^[A-Za-z0-9_-]{1,128}$/
export const DEFAULT_PAGE_SIZE = 20

/** Whether a `userId` a caller asked for is absent or shaped like a Clerk user ID. */
export function isUserIdOrAbsent(userId: unknown): userId is string | undefined {
  return userId === undefined || (typeof userId === 'string' && USER_ID.test(userId))
}
export const MAX_PAGE_SIZE = 100

/** What a listing asks for. Every field is optional. */
export interface ListAgentTasksQuery {
  /** Only links with this status (after bringing them up to date with Clerk). */
  status?: AgentTaskStatus
  /** `nextCursor` of the previous page. */
  cursor?: string
  /** Page size, 1–100. Default 20. */
  limit?: number
  /**
   * Whose links: default the signed-in user's — the links they minted and those minted for them by
   * anyone. Another user's needs `authorize` (action `list`).
   */
  userId?: string
}

export interface AgentTaskPage {
  /** Newest first, as Clerk shows them now (status, sessions). Never the links themselves. */
  data: AgentTaskRecord[]
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null
}

export interface ValidListQuery {
  status: AgentTaskStatus | undefined
  after: AgentTaskCursor | undefined
  limit: number
  userId: string | undefined
}

export function encodeCursor(record: AgentTaskCursor): string {
  return btoa(`${record.createdAt}|${record.agentTaskId}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function decodeCursor(cursor: string): AgentTaskCursor | undefined {
  try {
    const match = CURSOR.exec(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    if (!match) return undefined
    const createdAt = match[1] as string
    // Stores order by this time (Redis scores it as a number): a forged, impossible date is a bad cursor.
    if (Number.isNaN(Date.parse(createdAt))) return undefined
    return { createdAt, agentTaskId: match[2] as string }
  } catch {
    return undefined
  }
}

/** Checks a listing's query (from the programmatic API, or the query string as strings). 400 naming each bad field. */
export function validateListQuery(raw: Record<string, unknown> | undefined): ValidListQuery {
  const query = raw ?? {}
  const fields: FieldError[] = []
  const { status, cursor, userId } = query
  let limit = query.limit
  if (typeof limit === 'string' && /^\d{1,3}$/.test(limit)) limit = Number(limit)
  if (status !== undefined && !STATUSES.includes(status as AgentTaskStatus)) {
    fields.push({ field: 'status', message: `must be one of ${STATUSES.join(', ')}` })
  }
  const after = typeof cursor === 'string' ? decodeCursor(cursor) : undefined
  if (cursor !== undefined && after === undefined) fields.push({ field: 'cursor', message: 'must be the nextCursor of a previous page' })
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)) {
    fields.push({ field: 'limit', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  }
  if (!isUserIdOrAbsent(userId)) fields.push({ field: 'userId', message: 'must be a Clerk user ID' })
  if (fields.length > 0) throw invalidRequest(fields)
  return {
    status: status as AgentTaskStatus | undefined,
    after,
    limit: (limit as number | undefined) ?? DEFAULT_PAGE_SIZE,
    userId: userId as string | undefined,
  }
}

