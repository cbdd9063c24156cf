import { type LoadSpec, loadRound, type RoundResult } from './load-round.ts'
import type { BenchOptions } from './options.ts'
import type { BenchPath } from './paths.ts'
import type { RouteName } from './servers/routes.ts'
import { median, percentile } from './stats.ts'

/** Over the rounds of one route: the median req/s, and latency percentiles of all their responses pooled. */
export interface RouteSummary {
  requestsPerSecond: number
  /** The app server's CPU time per expected response (µs), over all rounds; undefined off Linux. */
  appCpuMicrosPerRequest: number | undefined
  p50: number
  p99: number
}

export interface Comparison {
  adapter: string
  path: BenchPath
  seed: RouteSummary
  adapterRoute: RouteSummary
  /** adapter ÷ seed req/s of each pair of rounds, in order: the spread shows the run's noise. */
  pairRatios: number[]
}

export interface CompareSetup {
  adapter: string
  path: BenchPath
  origin: string
  /** The app server's CPU time so far (µs). */
  appCpuMicros(): number | undefined
  options: BenchOptions
  /** A fresh session token living at least `ttlSeconds`. */
  sessionToken(ttlSeconds: number): Promise<string>
  /** A fresh token of an agent session (a link minted on the server with the `read-only` scope, opened) living at least `ttlSeconds`. */
  agentToken(ttlSeconds: number): Promise<string>
  progress(line: string): void
}

const ORDER: RouteName[] = ['seed', 'adapter']

/** A round, with the app server's CPU time it took and how many expected responses it got. */
type MeasuredRound = RoundResult & { appCpuMicros: number | undefined; responses: number }

// Latency percentiles come from all rounds' responses together: a per-round p99 rests on a few dozen
// responses and swings with every GC pause, while the pooled one rests on thousands.
function summarize(rounds: MeasuredRound[]): RouteSummary {
  const pooled = Float64Array.from(rounds.flatMap((round) => Array.from(round.latencies))).sort()
  const cpu = rounds.map((round) => round.appCpuMicros)
  const responses = rounds.reduce((sum, round) => sum + round.responses, 0)
  return {
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    appCpuMicrosPerRequest: cpu.every((micros) => micros !== undefined) ? cpu.reduce((sum, micros) => sum + (micros ?? 0), 0) / responses : undefined,
    p50: percentile(pooled, 0.5),
    p99: percentile(pooled, 0.99),
  }
}

function describeRound(round: RoundResult | MeasuredRound): string {
  const unexpected = Object.values(round.unexpected).reduce((sum, count) => sum + count, 0)
  const detail = unexpected ? ` (${Object.entries(round.unexpected).map(([status, count]) => `${count}× ${status}`).join(', ')})` : ''
  const cpu = 'appCpuMicros' in round && round.appCpuMicros !== undefined ? `  app CPU ${Math.round(round.appCpuMicros / round.responses)} µs/req` : ''
  return `${Math.round(round.requestsPerSecond).toString().padStart(6)} req/s  p50 ${round.p50.toFixed(2).padStart(6)} ms  p99 ${round.p99.toFixed(2).padStart(6)} ms${cpu}  unexpected ${unexpected}${detail}  errors ${round.errors}`
}

/**
 * Seed and adapter route of one server under the same load, alternately (seed, adapter, adapter, seed, …), after
 * a warm-up of each, so drift over time (JIT, GC, the emulator's growing state) hits both alike.
 * Throws on the first round with an unexpected status or a connection error.
 */
export async function compareRoutes(setup: CompareSetup): Promise<Comparison> {
  const { options, path } = setup
  const label = `${setup.adapter.padEnd(7)} ${path.name.padEnd(6)}`
  const run = async (route: RouteName, seconds: number): Promise<MeasuredRound> => {
    const spec: LoadSpec = {
      url: `${setup.origin}${route === 'seed' ? path.routes.baseline : path.routes.candidate}`,
      method: path.method,
      // A fresh token per run: the emulator's tokens live 60 s unless asked otherwise.
      token: path.caller === 'person' ? await setup.sessionToken(seconds + 60) : path.caller === 'agent' ? await setup.agentToken(seconds + 60) : undefined,
      seconds,
      connections: options.connections,
      expected: path.expected,
    }
    const cpuBefore = setup.appCpuMicros()
    const round = await loadRound(spec)
    const cpuAfter = setup.appCpuMicros()
    if (Object.keys(round.unexpected).length > 0 || round.errors > 0) {
      throw new Error(`${label} ${route}: a round had failures: ${describeRound(round)}`)
    }
    const appCpuMicros = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
    return { ...round, appCpuMicros, responses: round.requestsPerSecond * seconds }
  }

  if (options.warmupSeconds > 0) {
    for (const route of ORDER) {
      const round = await run(route, options.warmupSeconds)
      setup.progress(`${label} ${'warm-up'.padEnd(11)} ${route.padEnd(7)} ${describeRound(round)}`)
    }
  }
  const rounds: Record<RouteName, MeasuredRound[]> = { seed: [], adapter: [] }
  for (let n = 1; n <= options.rounds; n += 1) {
    // ABBA order (seed first, then adapter first, …): whichever runs second in a pair meets a slightly
    // later machine (a fuller emulator, older heaps), so neither always does.
    for (const route of n % 2 === 1 ? ORDER : [...ORDER].reverse()) {
      const round = await run(route, options.seconds)
      rounds[route].push(round)
      setup.progress(`${label} ${`round ${n}/${options.rounds}`.padEnd(11)} ${route.padEnd(7)} ${describeRound(round)}`)
    }
  }
  const pairRatios = rounds.adapter.map((round, i) => round.requestsPerSecond / (rounds.seed[i]?.requestsPerSecond ?? Number.NaN))
  return { adapter: setup.adapter, path, seed: summarize(rounds.seed), adapterRoute: summarize(rounds.adapter), pairRatios }
}
