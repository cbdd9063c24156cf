import { type AgentTaskStore, createMemoryStore } from '@agent-tasks/core'

const KEY = Symbol.for('@agent-tasks/nextjs:memory-store')

/**
 * The default store, one per process (per isolate on the edge runtime). Next.js evaluates a module
 * once per bundle layer — route handlers and Server Actions each get their own copy of
 * `lib/agent-tasks.ts` — so a store kept in module scope would split one app's records in two.
 */
export function processMemoryStore(): AgentTaskStore {
  const global = globalThis as { [KEY]?: AgentTaskStore }
  global[KEY] ??= createMemoryStore()
  return global[KEY]
}
