import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { startEmulatorProcess } from './emulator-process.ts'

// `node src/inject-compare.ts`: the Fastify seed route and adapter route in this one process, called
// with `fastify.inject()` (no sockets) in alternating rounds, Clerk's Backend API answered by a stub
// HTTP server here with one fixed agent task (the emulator only signs the session token): CPU per
// request with no load generator, emulator or machine drift in the figure. `BENCH_ADAPTER_WORK` as for
// the bench. With `--cpu-prof`, `INJECT_WINDOWS=file` writes each round's time window (µs, the
// profile's clock) so samples can be split by route.

const ROUNDS = Number(process.env.ROUNDS ?? 8)
const PER_ROUND = 3000
const emulator = await startEmulatorProcess()
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
const app = Fastify()
await app.register(clerkPlugin, clerkOptionsFromEnv())
seedRoutes(app, '/seed')
app.post('/adapter', agentTasks.route)
await app.ready()

const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, host: '127.0.0.1:3000' }
async function microsecondsPerRequest(url: string, count: number): Promise<number> {
  const start = process.cpuUsage()
  let inflight: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    inflight.push(
      app.inject({ method: 'POST', url, headers, payload: '{}' }).then((response) => {
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

await microsecondsPerRequest('/seed', 2000)
await microsecondsPerRequest('/adapter', 2000)
const ratios: number[] = []
const windows: Array<{ route: string; from: number; to: number }> = []
const now = () => Number(process.hrtime.bigint() / 1000n)
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? (['/seed', '/adapter'] as const) : (['/adapter', '/seed'] as const)
  const cost: Record<string, number> = {}
  for (const route of order) {
    const from = now()
    cost[route] = await microsecondsPerRequest(route, PER_ROUND)
    windows.push({ route, from, to: now() })
  }
  const ratio = (cost['/adapter'] ?? 0) / (cost['/seed'] ?? 1)
  ratios.push(ratio)
  process.stdout.write(`round ${round + 1}: seed ${cost['/seed']?.toFixed(1)} µs, adapter ${cost['/adapter']?.toFixed(1)} µs CPU per request (${ratio.toFixed(3)})\n`)
}
ratios.sort((a, b) => a - b)
process.stdout.write(`median adapter ÷ seed: ${ratios[Math.floor(ratios.length / 2)]?.toFixed(3)}\n`)
if (process.env.INJECT_WINDOWS) writeFileSync(process.env.INJECT_WINDOWS, JSON.stringify(windows))
stub.close()
await app.close()
await emulator.close()
