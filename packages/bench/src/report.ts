import type { EntrySize } from './bundle-size.ts'
import type { Comparison } from './compare-routes.ts'
import type { BenchOptions } from './options.ts'
import { median } from './stats.ts'

export const GOALS = { throughputRatio: 0.98, p99Ratio: 1.05 } as const

/** A Markdown table padded into columns, so it reads in a terminal and pastes into a README. */
function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`
  const rule = `|${widths.map((width, i) => (rightAligned[i] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`
const ms = (n: number) => n.toFixed(2)
const mark = (ok: boolean) => (ok ? '✓' : '✗')

export function sizeTable(sizes: EntrySize[]): string {
  const rows = sizes.map((size) => [
    size.entry,
    bytes(size.minified),
    bytes(size.gzipped),
    size.onDemand === undefined ? '' : `${bytes(size.onDemand.minified)} / ${bytes(size.onDemand.gzipped)}`,
    size.goal === undefined ? '' : `≤ ${bytes(size.goal)} ${mark(size.gzipped <= size.goal)}`,
  ])
  return table(['entry', 'min', 'min+gz', 'on first use (min / min+gz)', 'goal'], rows, [false, true, true, true, false])
}

function cpuColumn(seed: number | undefined, adapter: number | undefined): string {
  if (seed === undefined || adapter === undefined) return 'n/a'
  return `${Math.round(seed)} / ${Math.round(adapter)} (${(adapter / seed).toFixed(3)})`
}

export function throughputTable(comparisons: Comparison[]): string {
  const rows = comparisons.map(({ adapter, path, seed, adapterRoute, pairRatios }) => {
    // Each pair of rounds ran back to back, on the machine as it was then: the median of their ratios
    // is steadier than the ratio of the two medians when the machine's speed drifts.
    const throughput = median(pairRatios)
    const p99 = adapterRoute.p99 / seed.p99
    return [
      adapter,
      path.name,
      Math.round(seed.requestsPerSecond).toLocaleString('en-US'),
      Math.round(adapterRoute.requestsPerSecond).toLocaleString('en-US'),
      `${throughput.toFixed(3)} ${mark(throughput >= GOALS.throughputRatio)}`,
      `${Math.min(...pairRatios).toFixed(2)}–${Math.max(...pairRatios).toFixed(2)}`,
      `${ms(seed.p50)} / ${ms(seed.p99)}`,
      `${ms(adapterRoute.p50)} / ${ms(adapterRoute.p99)}`,
      `${p99.toFixed(3)} ${mark(p99 <= GOALS.p99Ratio)}`,
      cpuColumn(seed.appCpuMicrosPerRequest, adapterRoute.appCpuMicrosPerRequest),
    ]
  })
  return table(
    [
      'adapter',
      'path',
      'seed req/s',
      'adapter req/s',
      `req/s ÷ (≥ ${GOALS.throughputRatio})`,
      'per round',
      'seed p50 / p99 ms',
      'adapter p50 / p99 ms',
      `p99 ÷ (≤ ${GOALS.p99Ratio})`,
      'app CPU µs/req: seed / adapter (÷)',
    ],
    rows,
    [false, false, true, true, true, true, true, true, true, true],
  )
}

export function methodLine(options: BenchOptions): string {
  return `req/s: medians of ${options.rounds} alternating rounds of ${options.seconds} s per route (after ${options.warmupSeconds} s of warm-up each), ${options.connections} connections, Node ${process.version}; "req/s ÷": the median of the adapter ÷ seed ratios of the round pairs, "per round": the lowest and highest of them (the run's noise). p50/p99: over all measured responses of the route. "app CPU": the app server process's CPU time (user + system, from /proc) per expected response over all rounds — the cost of the route itself, steadier than req/s when the machine's speed drifts. create = signed-in POST that mints a link (2xx counts), 401 = signed-out POST (401 counts). ÷ = adapter ÷ seed.`
}

/** The guard's goals (issue #18): a person's request ≤ 1.02×, an agent's with its link cached ≤ 1.05× the route's server CPU without the guard. */
export const GUARD_CPU_GOALS: Record<string, number> = { 'guard-person': 1.02, 'guard-agent': 1.05 }

export function guardTable(comparisons: Comparison[]): string {
  const rows = comparisons.map(({ adapter, path, seed, adapterRoute, pairRatios }) => {
    const cpu = seed.appCpuMicrosPerRequest === undefined || adapterRoute.appCpuMicrosPerRequest === undefined ? undefined : adapterRoute.appCpuMicrosPerRequest / seed.appCpuMicrosPerRequest
    const goal = GUARD_CPU_GOALS[path.name]
    return [
      adapter,
      path.name,
      Math.round(seed.requestsPerSecond).toLocaleString('en-US'),
      Math.round(adapterRoute.requestsPerSecond).toLocaleString('en-US'),
      median(pairRatios).toFixed(3),
      `${Math.min(...pairRatios).toFixed(2)}–${Math.max(...pairRatios).toFixed(2)}`,
      `${ms(seed.p99)} / ${ms(adapterRoute.p99)}`,
      cpuColumn(seed.appCpuMicrosPerRequest, adapterRoute.appCpuMicrosPerRequest),
      cpu === undefined || goal === undefined ? 'n/a' : `≤ ${goal} ${mark(cpu <= goal)}`,
    ]
  })
  return table(
    ['adapter', 'path', 'without req/s', 'with req/s', 'req/s ÷', 'per round', 'p99 ms without / with', 'app CPU µs/req: without / with (÷)', 'CPU goal'],
    rows,
    [false, false, true, true, true, true, true, true, false],
  )
}

export function guardMethodLine(): string {
  return 'The same rounds, in the same alternating order, on one of the app\'s own routes (a GET that reads the signed-in user with the framework\'s getAuth and answers a small JSON) mounted twice: without and with `agentTasks.guard` in front. guard-person = a person\'s session token (the guard lets it through without a store call); guard-agent = the token of an agent session opened by a link minted with the `read-only` scope (the guard places the session once, from the ledger or Clerk, then decides from its cache). ÷ = with ÷ without.'
}
