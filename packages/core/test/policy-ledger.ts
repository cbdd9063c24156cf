import type { LinkLookup } from '../src/policy/session-link.js'
import { createMemoryStore } from '../src/store/memory-store.js'
import type { AgentTaskRecord, AgentTaskStore } from '../src/store/types.js'

/** A ledger record as the store will keep it once records carry the link's `scope`. */
export type ScopedRecord = AgentTaskRecord & { scope?: string }

export const ledgerRecord = (agentTaskId: string, userId: string, sessionId: string | undefined, scope?: string): ScopedRecord => ({
  agentTaskId,
  agentId: 'agt_1',
  agentName: 'bot',
  ownerUserId: userId,
  subjectUserId: userId,
  taskDescription: 'd',
  redirectUrl: 'https://app.example/',
  sessionMaxDurationInSeconds: 600,
  status: sessionId === undefined ? 'pending' : 'used',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-01-02T00:00:00.000Z',
  ...(sessionId === undefined ? {} : { sessions: [{ sessionId, status: 'active', createdAt: '2026-01-01T00:00:01.000Z' }] }),
  ...(scope === undefined ? {} : { scope }),
})

export interface CountingLedger {
  store: AgentTaskStore
  lookup: LinkLookup
  /** Calls that reached the store, by method. */
  calls: Record<string, number>
  /** Makes every store call fail (the store is down) until set back. */
  down: { value: boolean }
}

/**
 * A real memory store behind a counter. `findBySession` is what the store will offer (issue #18);
 * until it does, it is answered from `list()` here.
 */
export function countingLedger(): CountingLedger {
  const inner = createMemoryStore()
  const calls: Record<string, number> = {}
  const down = { value: false }
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1
    if (down.value) throw new Error('store unreachable')
  }
  const store: AgentTaskStore = {
    save: async (record, options) => {
      count('save')
      return inner.save(record, options)
    },
    get: async (id) => {
      count('get')
      return inner.get(id)
    },
    update: async (id, patch, expected) => {
      count('update')
      return inner.update(id, patch, expected)
    },
    list: async (filter) => {
      count('list')
      return inner.list(filter)
    },
    countPending: async (owner) => {
      count('countPending')
      return inner.countPending(owner)
    },
  }
  const lookup: LinkLookup = {
    get: (id) => store.get(id),
    findBySession: async (sessionId) => {
      count('findBySession')
      return (await inner.list()).find((record) => record.sessions?.some((session) => session.sessionId === sessionId))
    },
  }
  return { store, lookup, calls, down }
}

export const totalCalls = (calls: Record<string, number>): number => Object.values(calls).reduce((sum, n) => sum + n, 0)
