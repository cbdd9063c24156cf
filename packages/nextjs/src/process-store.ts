import { type AgentTaskStore, type ApprovalStore, createMemoryApprovalStore, createMemoryStore } from '@agent-tasks/core'

const KEY = Symbol.for('@agent-tasks/nextjs:memory-store')
const APPROVALS_KEY = Symbol.for('@agent-tasks/nextjs:memory-approval-store')

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

/**
 * The default approval store, one per process likewise: the guard runs in proxy.ts's bundle and the
 * person approves through the route handler's, so both must see the same requests.
 */
export function processApprovalStore(): ApprovalStore {
  const global = globalThis as { [APPROVALS_KEY]?: ApprovalStore }
  global[APPROVALS_KEY] ??= createMemoryApprovalStore()
  return global[APPROVALS_KEY]
}
