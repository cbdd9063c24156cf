import { AgentTaskError } from '../errors.js'
import { type ApprovalRequest, type ApprovalStore, approvalIsLive, approvalKeyString } from './approval-store.js'

export interface MemoryApprovalStoreOptions {
  /**
   * Most requests kept. Past it the oldest that can no longer act (declined, used, expired) are
   * dropped; when every request is still live, new ones are refused (the guard answers 503). Default 10 000.
   */
  maxRequests?: number
}

/** Approval requests in a bounded in-process map: fine for one server; use a shared store for many. */
export function createMemoryApprovalStore(options: MemoryApprovalStoreOptions = {}): ApprovalStore {
  const maxRequests = options.maxRequests ?? 10_000
  const requests = new Map<string, ApprovalRequest>()
  /** The newest request per key. */
  const latestByKey = new Map<string, string>()
  const byUser = new Map<string, Set<string>>()

  const drop = (request: ApprovalRequest) => {
    requests.delete(request.id)
    const key = approvalKeyString(request)
    if (latestByKey.get(key) === request.id) latestByKey.delete(key)
    const ids = byUser.get(request.userId)
    ids?.delete(request.id)
    if (ids?.size === 0) byUser.delete(request.userId)
  }

  /** Drops the oldest request that can no longer act; `false` when all can. Map order is insertion order. */
  const dropOldestInert = (now: number): boolean => {
    for (const request of requests.values()) {
      if (!approvalIsLive(request, now)) {
        drop(request)
        return true
      }
    }
    return false
  }

  return {
    async open(candidate, { maxPendingPerUser, now }) {
      const existingId = latestByKey.get(approvalKeyString(candidate))
      const existing = existingId === undefined ? undefined : requests.get(existingId)
      if (existing !== undefined && approvalIsLive(existing, now)) return { ...existing }
      let pending = 0
      for (const id of byUser.get(candidate.userId) ?? []) {
        const request = requests.get(id)
        if (request?.status === 'pending' && approvalIsLive(request, now)) pending++
      }
      if (pending >= maxPendingPerUser) return 'limit_reached'
      if (requests.size >= maxRequests && !dropOldestInert(now)) {
        throw new AgentTaskError(
          'store_unavailable',
          `The in-memory approval store is full: it holds ${maxRequests} requests still waiting or approved. Raise \`maxRequests\` or use a shared store.`,
        )
      }
      requests.set(candidate.id, { ...candidate })
      latestByKey.set(approvalKeyString(candidate), candidate.id)
      const ids = byUser.get(candidate.userId) ?? new Set<string>()
      ids.add(candidate.id)
      byUser.set(candidate.userId, ids)
      return { ...candidate }
    },
    async get(id) {
      const request = requests.get(id)
      return request && { ...request }
    },
    async transition(id, { from, liveAt }, patch) {
      const request = requests.get(id)
      if (request === undefined || !from.includes(request.status)) return undefined
      if (liveAt !== undefined && !approvalIsLive(request, liveAt)) return undefined
      const updated = { ...request, ...patch }
      requests.set(id, updated)
      return { ...updated }
    },
    async listByUser(userId, filter = {}) {
      const found: ApprovalRequest[] = []
      for (const id of byUser.get(userId) ?? []) {
        const request = requests.get(id)
        if (request !== undefined && (filter.status === undefined || request.status === filter.status)) found.push({ ...request })
      }
      return found.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
    },
  }
}
