import { AgentTaskError } from '../errors.js'
import type { AgentTaskListFilter, AgentTaskRecord, AgentTaskStore } from './types.js'

export interface MemoryStoreOptions {
  /**
   * At most this many records. Past it, the oldest records of used or revoked links make room; records
   * of links that still sign in are never dropped, so a store full of them refuses new links. Default 10 000.
   */
  maxRecords?: number
}

/** A FIFO of IDs with O(1) push and shift (an array's `shift` is O(n)). */
function createQueue() {
  const ids: string[] = []
  let head = 0
  return {
    push: (id: string) => ids.push(id),
    shift(): string | undefined {
      if (head === ids.length) return undefined
      const id = ids[head++]
      if (head > 1024 && head * 2 > ids.length) {
        ids.splice(0, head)
        head = 0
      }
      return id
    },
  }
}

/** The default store: a bounded in-process map. Fine for one server; use a shared store for many. */
export function createMemoryStore(options: MemoryStoreOptions = {}): AgentTaskStore {
  const maxRecords = options.maxRecords ?? 10_000
  const records = new Map<string, AgentTaskRecord>()
  // Records whose link no longer signs in (used, revoked), in the order they got there: the ones that
  // make room. IDs of records since dropped are skipped when they come up.
  const settled = createQueue()

  const matches = (record: AgentTaskRecord, filter: AgentTaskListFilter) =>
    (filter.ownerUserId === undefined || record.ownerUserId === filter.ownerUserId) &&
    (filter.subjectUserId === undefined || record.subjectUserId === filter.subjectUserId) &&
    (filter.status === undefined || record.status === filter.status)

  function makeRoom(): boolean {
    for (let id = settled.shift(); id !== undefined; id = settled.shift()) {
      const record = records.get(id)
      if (record && record.status !== 'pending') {
        records.delete(id)
        return true
      }
    }
    return false
  }

  return {
    async save(record) {
      if (!records.has(record.agentTaskId) && records.size >= maxRecords && !makeRoom()) {
        throw new AgentTaskError(
          'store_unavailable',
          `The memory store holds ${maxRecords} links that can still be used (maxRecords): revoke some, raise maxRecords, or use a shared store.`,
        )
      }
      records.set(record.agentTaskId, { ...record })
      if (record.status !== 'pending') settled.push(record.agentTaskId)
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
      if (record.status === 'pending' && updated.status !== 'pending') settled.push(agentTaskId)
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
