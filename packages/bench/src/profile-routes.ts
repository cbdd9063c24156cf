import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { forkServer } from './app-process.ts'
import { startEmulatorProcess } from './emulator-process.ts'
import { loadRound } from './load-round.ts'
import { ROUTES } from './servers/routes.ts'

// `node src/profile-routes.ts <express|fastify> <out-dir> [seconds]`: one server process per route,
// each under `--cpu-prof` and loaded with signed-in creates on that route alone, so the two profiles
// can be compared function by function per request (`profile-diff.ts`) without the other route's
// frames mixed in, as they are in a `BENCH_CPU_PROF` run of the whole bench. `-` as out-dir: no
// profile, only the CPU per response. `BENCH_ADAPTER_WORK` picks what the adapter route does besides
// minting (see `servers/adapter-options.ts`).

const SERVERS = {
  express: new URL('./servers/express-app.ts', import.meta.url),
  fastify: new URL('./servers/fastify-app.ts', import.meta.url),
} as const

const [adapter, outDir, secondsArg] = process.argv.slice(2)
if (adapter !== 'express' && adapter !== 'fastify') throw new Error('usage: node src/profile-routes.ts <express|fastify> <out-dir> [seconds]')
if (!outDir) throw new Error('usage: node src/profile-routes.ts <express|fastify> <out-dir> [seconds]')
const seconds = Number(secondsArg ?? 10)

const emulator = await startEmulatorProcess()
try {
  const token = await emulator.sessionToken(3600)
  for (const route of ['seed', 'adapter'] as const) {
    const dir = outDir === '-' ? undefined : join(outDir, route)
    if (dir === undefined) delete process.env.BENCH_CPU_PROF
    else {
      mkdirSync(dir, { recursive: true })
      process.env.BENCH_CPU_PROF = dir
    }
    const server = await forkServer(SERVERS[adapter], emulator.env)
    try {
      const url = `${server.origin}${ROUTES[route]}`
      await loadRound({ url, method: 'POST', token, seconds: 2, connections: 10, expected: (status) => status < 300 })
      const before = server.cpuMicros() ?? 0
      const round = await loadRound({ url, method: 'POST', token, seconds, connections: 10, expected: (status) => status < 300 })
      const cpu = (server.cpuMicros() ?? 0) - before
      const responses = round.requestsPerSecond * seconds
      process.stdout.write(`${route}: ${Math.round(round.requestsPerSecond)} req/s, ${(cpu / responses).toFixed(0)} µs CPU per response, ${Math.round(responses)} responses\n`)
    } finally {
      await server.close()
    }
    if (dir !== undefined) process.stdout.write(`  profile: ${join(dir, readdirSync(dir).at(-1) ?? '?')}\n`)
  }
} finally {
  await emulator.close()
}
