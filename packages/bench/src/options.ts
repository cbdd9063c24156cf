import { parseArgs } from 'node:util'

export const ADAPTERS = ['astro', 'express', 'fastify', 'nextjs', 'nuxt', 'react-router', 'tanstack-react-start'] as const
export type AdapterName = (typeof ADAPTERS)[number]

export interface BenchOptions {
  /** Measured rounds per route (seed and adapter each), alternating. */
  rounds: number
  /** Length of one round. */
  seconds: number
  /** Unmeasured load on each route before the rounds of a path. */
  warmupSeconds: number
  connections: number
  adapters: AdapterName[]
  /** Which paths to measure (`create`, `401`, `guard-person`, `guard-agent`). */
  paths: string[]
}

const DEFAULTS = { rounds: 6, seconds: 3, warmup: 2, connections: 10 }

export const USAGE = `Usage: pnpm bench [--rounds n] [--seconds n] [--warmup n] [--connections n] [--only astro,express,fastify,nextjs,nuxt,react-router,tanstack-react-start] [--paths create,401,guard-person,guard-agent]
Environment equivalents: BENCH_ROUNDS, BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_ONLY, BENCH_PATHS (flags win).
`

function positiveInt(value: string | undefined, fallback: number, name: string, { allowZero = false } = {}): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`${name} expects a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}".`)
  return n
}

function adapterList(value: string | undefined): AdapterName[] {
  if (value === undefined || value.trim() === '') return [...ADAPTERS]
  const names = value.split(',').map((name) => name.trim().toLowerCase())
  for (const name of names) {
    if (!(ADAPTERS as readonly string[]).includes(name)) throw new Error(`Unknown adapter "${name}" in --only/BENCH_ONLY: use ${ADAPTERS.join(', ')}.`)
  }
  return ADAPTERS.filter((name) => names.includes(name))
}

/** Flags first, then `BENCH_*` variables, then defaults that keep a full run under ~7 minutes. */
export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    // `pnpm bench -- --rounds 2` passes the `--` on.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      paths: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  return {
    rounds: positiveInt(values.rounds ?? env.BENCH_ROUNDS, DEFAULTS.rounds, 'rounds'),
    seconds: positiveInt(values.seconds ?? env.BENCH_SECONDS, DEFAULTS.seconds, 'seconds'),
    warmupSeconds: positiveInt(values.warmup ?? env.BENCH_WARMUP, DEFAULTS.warmup, 'warmup', { allowZero: true }),
    connections: positiveInt(values.connections ?? env.BENCH_CONNECTIONS, DEFAULTS.connections, 'connections'),
    adapters: adapterList(values.only ?? env.BENCH_ONLY),
    paths: (values.paths ?? env.BENCH_PATHS ?? 'create,401,guard-person,guard-agent').split(',').map((name) => name.trim()),
  }
}
