import { type AgentTaskRecord, type AgentTasksAuth, type ClerkAgentTasksClient, createMemoryStore } from '@agent-tasks/core'
import { createAdapterKit } from '@agent-tasks/core/adapter'

// `node src/guard-cost.ts`: what core's guard itself costs per request, without a framework or a
// Clerk SDK: `kit.guard` for a person's session and for an agent session whose link (scope
// `read-only`) the ledger knows, on a GET the scope allows. Complements the bench's guard-person and
// guard-agent paths, whose figures also hold the framework's hook and its Clerk SDK's auth read.

const now = new Date().toISOString()
const link: AgentTaskRecord = {
  agentTaskId: 'agt_1',
  agentId: 'agent_1',
  agentName: 'agent',
  ownerUserId: 'user_1',
  subjectUserId: 'user_1',
  taskDescription: 'Reads reports',
  redirectUrl: 'http://127.0.0.1:3000/dashboard',
  sessionMaxDurationInSeconds: 1800,
  status: 'used',
  createdAt: now,
  expiresAt: now,
  scope: 'read-only',
  sessions: [{ sessionId: 'sess_agent', status: 'active', createdAt: now }],
}
const store = createMemoryStore()
await store.save(link)
const callers = {
  person: { userId: 'user_1', sessionId: 'sess_person', actor: null },
  agent: { userId: 'user_1', sessionId: 'sess_agent', actor: { type: 'agent', sub: 'agent_1', task_id: 'agt_1' } },
} as unknown as Record<'person' | 'agent', AgentTasksAuth>
let caller: AgentTasksAuth = callers.person
const kit = createAdapterKit(
  { name: 'guard-cost', missingMiddlewareFix: '', readAuth: () => caller, requestOrigin: () => 'http://127.0.0.1:3000', clerkClient: () => ({}) as ClerkAgentTasksClient },
  { store, limits: false },
)

async function microsecondsPerGuard(count: number): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < count; i++) {
    const refused = await kit.guard({}, { method: 'GET', path: '/reports/weekly', accept: 'application/json' })
    if (refused !== undefined) throw new Error(`the guard refused: ${refused.status} ${refused.body}`)
  }
  const used = process.cpuUsage(start)
  return (used.user + used.system) / count
}

process.stdout.write('| caller | core CPU µs per guard call (median of 5 × 100,000) |\n|---|---:|\n')
for (const name of ['person', 'agent'] as const) {
  caller = callers[name]
  await microsecondsPerGuard(20_000)
  const rounds: number[] = []
  for (let round = 0; round < 5; round++) rounds.push(await microsecondsPerGuard(100_000))
  rounds.sort((a, b) => a - b)
  process.stdout.write(`| ${name} | ${rounds[2]?.toFixed(2)} |\n`)
}
