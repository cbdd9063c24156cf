import { type LoadSpec, loadRound, type RoundResult } from './load-round.ts'
import type { BenchOptions } from './options.ts'
import type { BenchPath } from './paths.ts'
import { ROUTES, type RouteName } from './servers/routes.ts'
import { median, percentile } from './stats.ts'

/** Over the rounds of one route: the median req/s, and latency percentiles of all their responses pooled. */
export interface RouteSummary {
  requestsPerSecond: number
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
  options: BenchOptions
  /** A fresh session token living at least `ttlSeconds`. */
  sessionToken(ttlSeconds: number): Promise<string>
  progress(line: string): void
}

const ORDER: RouteName[] = ['seed', 'adapter']

// Latency percentiles come from all rounds' responses together: a per-round p99 rests on a few dozen
// responses and swings with every GC pause, while the pooled one rests on thousands.
function summarize(rounds: RoundResult[]): RouteSummary {
  const pooled = Float64Array.from(rounds.flatMap((round) => Array.from(round.latencies))).sort()
  return {
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    p50: percentile(pooled, 0.5),
    p99: percentile(pooled, 0.99),
  }
}

function describeRound(round: RoundResult): string {
  const unexpected = Object.values(round.unexpected).reduce((sum, count) => sum + count, 0)
  const detail = unexpected ? ` (${Object.entries(round.unexpected).map(([status, count]) => `${count}× ${status}`).join(', ')})` : ''
  return `${Math.round(round.requestsPerSecond).toString().padStart(6)} req/s  p50 ${round.p50.toFixed(2).padStart(6)} ms  p99 ${round.p99.toFixed(2).padStart(6)} ms  unexpected ${unexpected}${detail}  errors ${round.errors}`
}

/**
 * Seed and adapter route of one server under the same load, alternately (seed, adapter, seed, …), after
 * a warm-up of each, so drift over time (JIT, GC, the emulator's growing state) hits both alike.
 * Throws on the first round with an unexpected status or a connection error.
 */
export async function compareRoutes(setup: CompareSetup): Promise<Comparison> {
  const { options, path } = setup
  const label = `${setup.adapter.padEnd(7)} ${path.name.padEnd(6)}`
  const run = async (route: RouteName, seconds: number): Promise<RoundResult> => {
    const spec: LoadSpec = {
      url: `${setup.origin}${ROUTES[route]}`,
      // A fresh token per run: the emulator's tokens live 60 s unless asked otherwise.
      token: path.signedIn ? await setup.sessionToken(seconds + 60) : undefined,
      seconds,
      connections: options.connections,
      expected: path.expected,
    }
    const round = await loadRound(spec)
    if (Object.keys(round.unexpected).length > 0 || round.errors > 0) {
      throw new Error(`${label} ${route}: a round had failures: ${describeRound(round)}`)
    }
    return round
  }

  if (options.warmupSeconds > 0) {
    for (const route of ORDER) {
      const round = await run(route, options.warmupSeconds)
      setup.progress(`${label} ${'warm-up'.padEnd(11)} ${route.padEnd(7)} ${describeRound(round)}`)
    }
  }
  const rounds: Record<RouteName, RoundResult[]> = { seed: [], adapter: [] }
  for (let n = 1; n <= options.rounds; n += 1) {
    for (const route of ORDER) {
      const round = await run(route, options.seconds)
      rounds[route].push(round)
      setup.progress(`${label} ${`round ${n}/${options.rounds}`.padEnd(11)} ${route.padEnd(7)} ${describeRound(round)}`)
    }
  }
  const pairRatios = rounds.adapter.map((round, i) => round.requestsPerSecond / (rounds.seed[i]?.requestsPerSecond ?? Number.NaN))
  return { adapter: setup.adapter, path, seed: summarize(rounds.seed), adapterRoute: summarize(rounds.adapter), pairRatios }
}
