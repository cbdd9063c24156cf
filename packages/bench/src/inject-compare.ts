import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { startEmulatorProcess } from './emulator-process.ts'
import { PATHS } from './paths.ts'

// `node src/inject-compare.ts [create|guard-person|guard-agent]`: two Fastify routes in this one
// process (the seed's and the adapter's for create; an app route without and with the guard for the
// guard paths, as in the bench), called
// with `fastify.inject()` (no sockets) in alternating rounds, Clerk's Backend API answered by a stub
// HTTP server here with one fixed agent task (the emulator only signs the session token): CPU per
// request with no load generator, emulator or machine drift in the figure. `BENCH_ADAPTER_WORK` as for
// the bench. With `--cpu-prof`, `INJECT_WINDOWS=file` writes each round's time window (µs, the
// profile's clock) so samples can be split by route.

const pathName = process.argv[2] ?? 'create'
const path = PATHS.find((candidate) => candidate.name === pathName && candidate.caller !== 'signed-out')
if (path === undefined) throw new Error('usage: node src/inject-compare.ts [create|guard-person|guard-agent]')
const { method } = path
const ROUNDS = Number(process.env.ROUNDS ?? 8)
const PER_ROUND = 3000
const emulator = await startEmulatorProcess()
// Whatever fails below, the emulator's process goes too (close() sends SIGTERM at once).
process.once('exit', () => void emulator.close())
const token = await emulator.sessionToken(3600)
const createdTask = JSON.stringify({
  object: 'agent_task',
  agent_id: 'agent_abcdefghijklmnopqrstuvwxyz',
  agent_task_id: 'agt_abcdefghijklmnopqrstuvwxyz',
  task_id: 'agt_abcdefghijklmnopqrstuvwxyz',
  url: 'http://127.0.0.1:4010/v1/agents/tasks?ticket=header.payload.signature',
})
const stub = createServer((req, res) => {
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(createdTask))
})
await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
const address = stub.address()
if (address === null || typeof address === 'string') throw new Error('no port')
// Before the Clerk SDKs are imported: @clerk/fastify's clerkClient reads the environment then.
Object.assign(process.env, emulator.env, { CLERK_API_URL: `http://127.0.0.1:${address.port}` })

const { createAgentTasks } = await import('@agent-tasks/fastify')
const { clerkPlugin } = await import('@clerk/fastify')
const { default: Fastify } = await import('fastify')
const { clerkOptionsFromEnv } = await import('./servers/fastify-clerk-options.ts')
const { seedRoutes } = await import('./servers/fastify-seed.ts')
const { adapterWork } = await import('./servers/adapter-options.ts')
const agentTasks = createAgentTasks({ redirect: { defaultUrl: '/dashboard' }, ...adapterWork() })
const { APP_ROUTE_ANSWER, GUARD_ROUTES, ROUTES } = await import('./servers/routes.ts')
const app = Fastify()
await app.register(clerkPlugin, clerkOptionsFromEnv())
seedRoutes(app, ROUTES.seed)
app.post(ROUTES.adapter, agentTasks.route)
app.get(GUARD_ROUTES.unguarded, async () => APP_ROUTE_ANSWER)
app.get(GUARD_ROUTES.guarded, { preHandler: agentTasks.guard }, async () => APP_ROUTE_ANSWER)
await app.ready()

const headers = { 'content-type': 'application/json', authorization: `Bearer ${pathName === 'guard-agent' ? await agentToken() : token}`, host: '127.0.0.1:3000' }

/**
 * An agent session's token. Clerk is a stub here, so the link is minted on the emulator's own Backend
 * API and opened there, and its record (scope `read-only`, the session) saved in the adapter's store,
 * as the ledger holds it once the guard has placed the session.
 */
async function agentToken(): Promise<string> {
  const realApi = emulator.env.CLERK_API_URL
  const sessions = await emulator.activeSessions()
  const personSession = sessions[0]
  if (!realApi || !personSession) throw new Error('the emulator has no API URL or no session')
  const userId = personSession.userId
  const created = await fetch(`${realApi}/v1/agents/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.env.CLERK_SECRET_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ on_behalf_of: { user_id: userId }, permissions: '*', agent_name: 'bench', task_description: 'bench', redirect_url: 'http://127.0.0.1:3000/dashboard' }),
  })
  const task = (await created.json()) as { agent_task_id: string; agent_id: string; url: string }
  await fetch(task.url, { redirect: 'manual' })
  const session = (await emulator.activeSessions()).find((candidate) => candidate.actor?.task_id === task.agent_task_id)
  if (!session) throw new Error('the emulator opened no agent session')
  const now = new Date().toISOString()
  await agentTasks.store.save({
    agentTaskId: task.agent_task_id,
    agentId: task.agent_id,
    agentName: 'bench',
    ownerUserId: userId,
    subjectUserId: userId,
    taskDescription: 'bench',
    redirectUrl: 'http://127.0.0.1:3000/dashboard',
    sessionMaxDurationInSeconds: 1800,
    status: 'used',
    createdAt: now,
    expiresAt: now,
    scope: 'read-only',
    sessions: [{ sessionId: session.id, status: 'active', createdAt: now }],
  })
  return emulator.tokenOf(session.id, 3600)
}
async function microsecondsPerRequest(url: string, count: number): Promise<number> {
  const start = process.cpuUsage()
  let inflight: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    inflight.push(
      app.inject(method === 'POST' ? { method: 'POST', url, headers, payload: '{}' } : { method: 'GET', url, headers }).then((response) => {
        if (response.statusCode >= 300) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`)
      }),
    )
    if (inflight.length === 10) {
      await Promise.all(inflight)
      inflight = []
    }
  }
  await Promise.all(inflight)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / count
}

const { baseline, candidate } = path.routes
await microsecondsPerRequest(baseline, 2000)
await microsecondsPerRequest(candidate, 2000)
const ratios: number[] = []
const windows: Array<{ route: string; from: number; to: number }> = []
const now = () => Number(process.hrtime.bigint() / 1000n)
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? [baseline, candidate] : [candidate, baseline]
  const cost: Record<string, number> = {}
  for (const route of order) {
    const from = now()
    cost[route] = await microsecondsPerRequest(route, PER_ROUND)
    windows.push({ route, from, to: now() })
  }
  const ratio = (cost[candidate] ?? 0) / (cost[baseline] ?? 1)
  ratios.push(ratio)
  process.stdout.write(`round ${round + 1}: ${baseline} ${cost[baseline]?.toFixed(1)} µs, ${candidate} ${cost[candidate]?.toFixed(1)} µs CPU per request (${ratio.toFixed(3)})\n`)
}
ratios.sort((a, b) => a - b)
process.stdout.write(`median ${candidate} ÷ ${baseline}: ${ratios[Math.floor(ratios.length / 2)]?.toFixed(3)}\n`)
if (process.env.INJECT_WINDOWS) writeFileSync(process.env.INJECT_WINDOWS, JSON.stringify(windows))
stub.close()
await app.close()
await emulator.close()
