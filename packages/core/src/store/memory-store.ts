import { AgentTaskError } from '../errors.js'
import { type AgentTaskRecord, type AgentTaskStore, compareNewestFirst, matchesFilter, settledStatuses } from './types.js'

export interface MemoryStoreOptions {
  /**
   * Most records kept. Past it the oldest records of links that can no longer sign in (used, revoked,
   * expired) are dropped; when every record is of a usable link, new links are refused (503) until
   * some are used, revoked or expire. Default 10 000.
   */
  maxRecords?: number
}

const isSettled = (record: AgentTaskRecord) => settledStatuses.includes(record.status)

/** The default store: a bounded in-process map. Fine for one server; use a shared store (Redis) for many. */
export function createMemoryStore(options: MemoryStoreOptions = {}): AgentTaskStore {
  const maxRecords = options.maxRecords ?? 10_000
  const records = new Map<string, AgentTaskRecord>()
  const pendingByOwner = new Map<string, number>()
  // IDs in the order they were first saved, oldest at `head`; IDs already dropped are skipped.
  const order: string[] = []
  let head = 0

  const countPending = (owner: string, delta: number) => {
    const next = (pendingByOwner.get(owner) ?? 0) + delta
    if (next === 0) pendingByOwner.delete(owner)
    else pendingByOwner.set(owner, next)
  }

  const put = (record: AgentTaskRecord) => {
    const previous = records.get(record.agentTaskId)
    if (previous?.status === 'pending') countPending(previous.ownerUserId, -1)
    if (record.status === 'pending') countPending(record.ownerUserId, 1)
    records.set(record.agentTaskId, record)
  }

  /** Drops the oldest settled record; `false` when every record is of a usable link. */
  const dropOldestSettled = (): boolean => {
    while (head < order.length && !records.has(order[head] as string)) head++
    for (let index = head; index < order.length; index++) {
      const record = records.get(order[index] as string)
      if (record && isSettled(record)) {
        records.delete(record.agentTaskId)
        if (index === head) head++
        return true
      }
    }
    return false
  }

  const compact = () => {
    if (head > 1024 && head * 2 > order.length) {
      order.splice(0, head)
      head = 0
    }
  }

  return {
    async save(record, saveOptions) {
      const max = saveOptions?.maxPendingPerOwner
      if (max !== undefined && record.status === 'pending' && (pendingByOwner.get(record.ownerUserId) ?? 0) >= max) {
        return 'limit_reached'
      }
      const isNew = !records.has(record.agentTaskId)
      if (isNew && records.size >= maxRecords && !dropOldestSettled()) {
        throw new AgentTaskError(
          'store_unavailable',
          `The in-memory link store is full: it holds ${maxRecords} links that can still sign in. Revoke unused links, raise \`maxRecords\`, or use a shared store such as @agent-tasks/redis.`,
        )
      }
      if (isNew) order.push(record.agentTaskId)
      put({ ...record })
      compact()
      return undefined
    },
    async get(agentTaskId) {
      const record = records.get(agentTaskId)
      return record && { ...record }
    },
    async update(agentTaskId, patch, expected) {
      const record = records.get(agentTaskId)
      if (!record) return undefined
      if (expected && !expected.includes(record.status)) return { ...record }
      const updated = { ...record, ...patch }
      put(updated)
      return { ...updated }
    },
    async countPending(ownerUserId) {
      return pendingByOwner.get(ownerUserId) ?? 0
    },
    async list(filter = {}) {
      const matching: AgentTaskRecord[] = []
      for (const record of records.values()) if (matchesFilter(record, filter)) matching.push(record)
      matching.sort(compareNewestFirst)
      return matching.slice(0, filter.limit ?? matching.length).map((record) => ({ ...record }))
    },
  }
}
