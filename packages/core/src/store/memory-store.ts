import { AgentTaskError } from '../errors.js'
import { type AgentTaskRecord, type AgentTaskStore, canStillAct, compareNewestFirst, matchesFilter } from './types.js'

export interface MemoryStoreOptions {
  /**
   * Most records kept. Past it the oldest records that nothing can act through any more are dropped:
   * links revoked or expired unused, and used links whose sessions have all ended or run out. A used
   * link whose agent session may still be live is never dropped (its owner must still be able to end
   * it); when every record is of a usable link or a live session, new links are refused (503) until
   * some are revoked, end or expire. Default 10 000.
   */
  maxRecords?: number
}

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

  /** Clerk session ID → the ID of the record that lists it, in step with every record's `sessions`. */
  const bySession = new Map<string, string>()

  const unindexSessions = (record: AgentTaskRecord | undefined) => {
    for (const session of record?.sessions ?? []) {
      if (bySession.get(session.sessionId) === record?.agentTaskId) bySession.delete(session.sessionId)
    }
  }

  const put = (record: AgentTaskRecord) => {
    const previous = records.get(record.agentTaskId)
    if (previous?.status === 'pending') countPending(previous.ownerUserId, -1)
    if (record.status === 'pending') countPending(record.ownerUserId, 1)
    unindexSessions(previous)
    for (const session of record.sessions ?? []) bySession.set(session.sessionId, record.agentTaskId)
    records.set(record.agentTaskId, record)
  }

  /** Drops the oldest record nothing can act through; `false` when every record is of a usable link or a live session. */
  const dropOldestInert = (): boolean => {
    while (head < order.length && !records.has(order[head] as string)) head++
    const now = Date.now()
    for (let index = head; index < order.length; index++) {
      const record = records.get(order[index] as string)
      if (record && !canStillAct(record, now)) {
        unindexSessions(record)
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
      if (isNew && records.size >= maxRecords && !dropOldestInert()) {
        throw new AgentTaskError(
          'store_unavailable',
          `The in-memory link store is full: it holds ${maxRecords} links that can still sign in or whose agent session may still be live. Revoke unused links or end agent access, raise \`maxRecords\`, or use a shared store such as @agent-tasks/redis.`,
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
    async findBySession(sessionId) {
      const id = bySession.get(sessionId)
      const record = id === undefined ? undefined : records.get(id)
      return record && { ...record }
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
