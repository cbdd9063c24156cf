import type { AgentTaskListFilter, AgentTaskRecord, AgentTaskStore } from './types.js'

export interface MemoryStoreOptions {
  /**
   * Oldest records are dropped beyond this many, whatever their status. Default 10 000. (Records only
   * learn a link was used when a revoke is refused, so "pending" cannot yet tell which records must
   * be kept: refusing new links instead would stop a busy app once 10 000 links had been used.)
   */
  maxRecords?: number
}

/** The default store: a bounded in-process map. Fine for one server; use a shared store for many. */
export function createMemoryStore(options: MemoryStoreOptions = {}): AgentTaskStore {
  const maxRecords = options.maxRecords ?? 10_000
  const records = new Map<string, AgentTaskRecord>()
  // IDs in the order they were first saved, oldest at `head`. Finding the oldest through the map's own
  // iterator would walk past every entry deleted since the map last compacted: microseconds per save
  // once the store is full.
  const order: string[] = []
  let head = 0

  const matches = (record: AgentTaskRecord, filter: AgentTaskListFilter) =>
    (filter.ownerUserId === undefined || record.ownerUserId === filter.ownerUserId) &&
    (filter.subjectUserId === undefined || record.subjectUserId === filter.subjectUserId) &&
    (filter.status === undefined || record.status === filter.status)

  return {
    async save(record) {
      if (!records.has(record.agentTaskId)) order.push(record.agentTaskId)
      records.set(record.agentTaskId, { ...record })
      while (records.size > maxRecords && head < order.length) records.delete(order[head++] as string)
      if (head > 1024 && head * 2 > order.length) {
        order.splice(0, head)
        head = 0
      }
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
      records.set(agentTaskId, updated)
      return { ...updated }
    },
    async list(filter = {}) {
      return [...records.values()]
        .filter((record) => matches(record, filter))
        .reverse()
        .map((record) => ({ ...record }))
    },
  }
}
