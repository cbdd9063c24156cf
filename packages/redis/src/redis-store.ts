import { type AgentTaskRecord, type AgentTaskStore, compareNewestFirst, matchesFilter } from '@agent-tasks/core'
import { bounded } from './bounded.js'
import type { RedisCommandClient } from './redis-client.js'
import { SAVE, UPDATE } from './scripts.js'

export interface RedisStoreOptions {
  /** Prefix of every key. Default `"agent-tasks:"`. */
  prefix?: string
  /**
   * How long the record of a link that can no longer sign in (used, revoked, expired) is kept after
   * its last change, in seconds. Records of unused links are kept until they settle. Default 30 days.
   */
  retentionSeconds?: number
  /** Longest wait for Redis per call before answering 503 `store_unavailable`. Default 2000 ms. */
  timeoutMs?: number
}

const DAY = 86_400

/** Lua's JSON encoder writes an empty array as `{}`: the one array in a record is `sessions`. */
function parseRecord(raw: string): AgentTaskRecord {
  const record = JSON.parse(raw) as AgentTaskRecord
  if (record.sessions !== undefined && !Array.isArray(record.sessions)) record.sessions = []
  return record
}

/**
 * The ledger of agent-task links in Redis, shared by every instance of the app: saves, pending limits
 * and status changes are atomic (Lua), listing is newest first from a sorted index per owner.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect()
 * const agentTasks = createAgentTasks({ store: createRedisStore(redis), limits: { createRateLimiter: redisRateLimiter(redis) } })
 */
export function createRedisStore(client: RedisCommandClient, options: RedisStoreOptions = {}): AgentTaskStore {
  const prefix = options.prefix ?? 'agent-tasks:'
  const retention = String(options.retentionSeconds ?? 30 * DAY)
  const timeoutMs = options.timeoutMs ?? 2000
  const keys = {
    record: (id: string) => `${prefix}task:${id}`,
    pending: (owner: string) => `${prefix}pending:${owner}`,
    owner: (owner: string) => `${prefix}owner:${owner}`,
    all: `${prefix}index`,
  }
  const command = <T>(args: string[]) => bounded(() => client.sendCommand(args) as Promise<T>, timeoutMs)

  async function page(index: string, max: string, offset: number, count: number): Promise<string[]> {
    return command<string[]>(['ZRANGE', index, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', String(offset), String(count)])
  }

  return {
    async save(record, saveOptions) {
      const { agentTaskId: id, ownerUserId: owner } = record
      const max = saveOptions?.maxPendingPerOwner
      const result = await command<string>([
        'EVAL',
        SAVE,
        '4',
        keys.record(id),
        keys.pending(owner),
        keys.owner(owner),
        keys.all,
        JSON.stringify(record),
        id,
        String(Date.parse(record.createdAt)),
        max === undefined ? '' : String(max),
        record.status === 'pending' ? '1' : '0',
        retention,
      ])
      return result === 'limit_reached' ? 'limit_reached' : undefined
    },
    async get(agentTaskId) {
      const raw = await command<string | null>(['GET', keys.record(agentTaskId)])
      return raw === null ? undefined : parseRecord(raw)
    },
    async update(agentTaskId, patch, expected) {
      // The owner never changes, so the pending set's key can be read before the atomic update.
      const current = await this.get(agentTaskId)
      if (!current) return undefined
      const raw = await command<string | null>([
        'EVAL',
        UPDATE,
        '2',
        keys.record(agentTaskId),
        keys.pending(current.ownerUserId),
        JSON.stringify(patch),
        (expected ?? []).join(','),
        agentTaskId,
        retention,
      ])
      return raw === null ? undefined : parseRecord(raw)
    },
    async countPending(ownerUserId) {
      return command<number>(['SCARD', keys.pending(ownerUserId)])
    },
    async list(filter = {}) {
      const index = filter.ownerUserId === undefined ? keys.all : keys.owner(filter.ownerUserId)
      const limit = filter.limit ?? Number.POSITIVE_INFINITY
      const max = filter.after ? String(Date.parse(filter.after.createdAt)) : '+inf'
      const batch = Math.min(Math.max(Number.isFinite(limit) ? limit * 2 : 200, 20), 500)
      const found: AgentTaskRecord[] = []
      for (let offset = 0; found.length < limit; offset += batch) {
        const ids = await page(index, max, offset, batch)
        if (ids.length === 0) break
        const raws = await command<Array<string | null>>(['MGET', ...ids.map(keys.record)])
        const gone = ids.filter((_, i) => raws[i] === null)
        // Records past their retention leave their index entries behind: drop them as they are met.
        if (gone.length > 0) await command(['ZREM', index, ...gone])
        for (const raw of raws) {
          if (raw === null) continue
          const record = parseRecord(raw)
          if (matchesFilter(record, filter)) found.push(record)
        }
        if (ids.length < batch) break
        if (gone.length > 0) offset -= gone.length
      }
      return found.sort(compareNewestFirst).slice(0, limit)
    },
  }
}
