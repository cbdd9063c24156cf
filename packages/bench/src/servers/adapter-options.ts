import { type AgentTaskStore, createMemoryStore } from '@agent-tasks/core'

/**
 * What the adapter route does besides minting, by `BENCH_ADAPTER_WORK` (Express and Fastify servers):
 * - `same-work` (default): limits off, every link recorded in the memory store (with room for every
 *   link a run mints: the default store refuses new links once 10,000 are unused). The seed has no
 *   limits; the ledger cannot be turned off, so it is measured as part of the route.
 * - `defaults`: the library's defaults (rate limit and pending limit on), the store as above. The
 *   bench's one user would hit both limits at once, so they are set past what a run mints, which keeps
 *   the work (a limiter call and a pending count per mint) and never refuses.
 * - `no-records`: limits off and a store that keeps nothing: the ledger's share of `same-work` (the
 *   retained records' GC), for profiling only, never an app's setup.
 */
export function adapterWork(env: NodeJS.ProcessEnv = process.env) {
  const work = env.BENCH_ADAPTER_WORK ?? 'same-work'
  const roomForEveryLink = createMemoryStore({ maxRecords: 10_000_000 })
  switch (work) {
    case 'same-work':
      return { limits: false, store: roomForEveryLink } as const
    case 'defaults':
      return { limits: { rate: { mints: 1_000_000_000, windowSeconds: 60 }, maxPending: 1_000_000_000 }, store: roomForEveryLink } as const
    case 'no-records':
      return { limits: false, store: storeThatKeepsNothing() } as const
    default:
      throw new Error(`BENCH_ADAPTER_WORK=${work}: use same-work, defaults or no-records`)
  }
}

function storeThatKeepsNothing(): AgentTaskStore {
  return {
    save: async () => undefined,
    get: async () => undefined,
    update: async () => undefined,
    list: async () => [],
    countPending: async () => 0,
  }
}
