import { type AgentTasksAuth, type AgentTaskStore, type ClerkAgentTasksClient, createMemoryStore } from '@agent-tasks/core'
import { type ContractRequest, createAdapterKit } from '@agent-tasks/core/adapter'

// `node src/core-cost.ts`: what core itself costs per mint, without a network or a Clerk SDK: the kit's
// `respond` (admission, origin, validation, record, response) against a Clerk client that answers in
// the same process. It tells how much of an adapter route's extra CPU over the seed's is core's own
// work; the rest is the framework, the Clerk SDK and HTTP. Not a test: no fake stands in for core.

let minted = 0
const clerk = {
  agentTasks: {
    create: async () => {
      minted++
      return { agentTaskId: `agt_${minted}abcdefghijklmnopqrst`, agentId: 'agent_abcdefghijklmnopqrstuvwxyz', taskId: `agt_${minted}`, url: `http://127.0.0.1:4010/v1/agents/tasks?ticket=t.${minted}.s` }
    },
    revoke: async () => ({}),
  },
} as unknown as ClerkAgentTasksClient
const auth = { userId: 'user_2abcdefghijklmnopqrstuvwxyz', sessionId: 'sess_2abcdefghijklmnopqrstuvwxyz', actor: null } as AgentTasksAuth
const storeThatKeepsNothing: AgentTaskStore = {
  save: async () => undefined,
  get: async () => undefined,
  update: async () => undefined,
  list: async () => [],
  countPending: async () => 0,
}
const headers: Record<string, string> = { 'content-type': 'application/json', authorization: 'Bearer token' }
const request = (): ContractRequest => ({
  method: 'POST',
  path: '/',
  header: (name) => headers[name],
  query: () => undefined,
  readBody: async () => ({ parsed: {} }),
})

const setups = {
  'limits off, records kept (the bench routes)': { limits: false as const, store: createMemoryStore({ maxRecords: 10_000_000 }) },
  'limits off, nothing recorded': { limits: false as const, store: storeThatKeepsNothing },
  'default limits, records kept': { limits: { rate: { mints: 1_000_000_000, windowSeconds: 60 }, maxPending: 1_000_000_000 }, store: createMemoryStore({ maxRecords: 10_000_000 }) },
}

async function microsecondsPerMint(respond: () => Promise<{ status: number; body: string }>, count: number): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < count; i++) {
    const response = await respond()
    if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${response.body}`)
  }
  const used = process.cpuUsage(start)
  return (used.user + used.system) / count
}

process.stdout.write('| setup | core CPU µs per mint (median of 5 × 50,000) |\n|---|---:|\n')
for (const [name, options] of Object.entries(setups)) {
  const kit = createAdapterKit(
    { name: 'core-cost', missingMiddlewareFix: '', readAuth: () => auth, requestOrigin: () => 'http://127.0.0.1:3000', clerkClient: () => clerk },
    { redirect: { defaultUrl: '/dashboard' }, ...options },
  )
  const respond = () => kit.respond({}, request())
  await microsecondsPerMint(respond, 20_000)
  const rounds: number[] = []
  for (let round = 0; round < 5; round++) rounds.push(await microsecondsPerMint(respond, 50_000))
  rounds.sort((a, b) => a - b)
  process.stdout.write(`| ${name} | ${rounds[2]?.toFixed(1)} |\n`)
}
