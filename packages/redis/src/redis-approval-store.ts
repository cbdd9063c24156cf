import { createHash } from 'node:crypto'
import { type ApprovalRequest, type ApprovalStatus, type ApprovalStore, approvalKeyString } from '@agent-tasks/core'
import { OPEN, TRANSITION } from './approval-scripts.js'
import { bounded } from './bounded.js'
import type { RedisCommandClient } from './redis-client.js'
import { READ } from './scripts.js'

export interface RedisApprovalStoreOptions {
  /** Prefix of every key. Default `"agent-tasks:"` (the link store's: the keys do not collide). */
  prefix?: string
  /**
   * How long a request is kept once it can no longer act (declined, used, expired), in seconds, so
   * the person and the audit can still see it. Default 86 400 (a day).
   */
  retentionSeconds?: number
  /** Longest wait for Redis per call before answering 503 `store_unavailable`. Default 2000 ms. */
  timeoutMs?: number
}

const UNAVAILABLE = 'the approval requests are unavailable'

function toFields(values: object): string[] {
  const fields: string[] = []
  for (const [name, value] of Object.entries(values)) if (value !== undefined) fields.push(name, JSON.stringify(value))
  return fields
}

/** A request from its hash fields (`_`-prefixed ones are the scripts' own); `undefined` when there is none. */
function fromFields(flat: readonly string[]): ApprovalRequest | undefined {
  if (flat.length === 0) return undefined
  const request: Record<string, unknown> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const name = flat[i] as string
    if (!name.startsWith('_')) request[name] = JSON.parse(flat[i + 1] as string)
  }
  return request as unknown as ApprovalRequest
}

const newestFirst = (a: ApprovalRequest, b: ApprovalRequest) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1

/**
 * Agents' approval requests in Redis, shared by every instance of the app: opening a request (find
 * the live one for the same user, session, method and path, count the user's pending ones, save) and
 * every status change are single Lua scripts, so a burst of identical agent requests opens one request
 * and an approved write is let through exactly once, whichever instance serves the retry.
 *
 * @example
 * createAgentTasks({ store: createRedisStore(redis), approvals: { store: createRedisApprovalStore(redis) } })
 */
export function createRedisApprovalStore(client: RedisCommandClient, options: RedisApprovalStoreOptions = {}): ApprovalStore {
  const prefix = options.prefix ?? 'agent-tasks:'
  const retentionSeconds = options.retentionSeconds ?? 86_400
  const timeoutMs = options.timeoutMs ?? 2000
  const command = <T>(args: string[]) => bounded(() => client.sendCommand(args) as Promise<T>, timeoutMs, UNAVAILABLE)
  const requestPrefix = `${prefix}approval:`
  const keys = {
    request: (id: string) => `${requestPrefix}${id}`,
    // The key holds a whole request path: hashed, so a key's length does not grow with it.
    pointer: (request: ApprovalRequest) => `${prefix}approval-key:${createHash('sha256').update(approvalKeyString(request)).digest('hex')}`,
    user: (userId: string) => `${prefix}approvals:${userId}`,
  }
  /** Until it can no longer act, then the retention. */
  const keepSeconds = (expiresAt: string, now: number) => String(Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000)) + retentionSeconds)

  return {
    async open(candidate, { maxPendingPerUser, now }) {
      const pointer = keys.pointer(candidate)
      const reply = await command<string[] | 'limit_reached'>([
        'EVAL',
        OPEN,
        '3',
        pointer,
        keys.user(candidate.userId),
        keys.request(candidate.id),
        candidate.id,
        String(now),
        String(maxPendingPerUser),
        String(Date.parse(candidate.createdAt)),
        keepSeconds(candidate.expiresAt, now),
        requestPrefix,
        ...toFields(candidate),
        '_exp',
        String(Date.parse(candidate.expiresAt)),
        '_ptr',
        pointer,
      ])
      if (reply === 'limit_reached') return reply
      return fromFields(reply.slice(1)) as ApprovalRequest
    },
    async get(id) {
      const [fields] = await command<string[][]>(['EVAL', READ, '1', keys.request(id)])
      return fromFields(fields ?? [])
    },
    async transition(id, { from, liveAt }, patch) {
      const fields = toFields(patch)
      if (patch.expiresAt !== undefined) fields.push('_exp', String(Date.parse(patch.expiresAt)))
      const current = await this.get(id)
      if (current === undefined) return undefined
      const reply = await command<string[] | null>([
        'EVAL',
        TRANSITION,
        '2',
        keys.request(id),
        keys.user(current.userId),
        liveAt === undefined ? '' : String(liveAt),
        patch.expiresAt === undefined ? '' : keepSeconds(patch.expiresAt, Date.now()),
        String(from.length),
        ...from.map((status) => JSON.stringify(status)),
        ...fields,
      ])
      return reply === null ? undefined : fromFields(reply)
    },
    async listByUser(userId, filter: { status?: ApprovalStatus } = {}) {
      const ids = await command<string[]>(['ZRANGE', keys.user(userId), '0', '-1', 'REV'])
      if (ids.length === 0) return []
      const hashes = await command<string[][]>(['EVAL', READ, String(ids.length), ...ids.map(keys.request)])
      return hashes
        .map(fromFields)
        .filter((request): request is ApprovalRequest => request !== undefined && (filter.status === undefined || request.status === filter.status))
        .sort(newestFirst)
    },
  }
}
