import { GUARD_ROUTES, ROUTES } from './servers/routes.ts'

/**
 * The kinds of request measured. Each compares two routes of one server under the same load: the
 * seed's hand-written route against the adapter's (create, 401), or one of the app's own routes
 * without and with `agentTasks.guard` in front (guard-person, guard-agent).
 */
export interface BenchPath {
  name: 'create' | '401' | 'guard-person' | 'guard-agent'
  description: string
  method: 'POST' | 'GET'
  /** Who calls: a person's session token, an agent session's (a link minted with the `read-only` scope, opened), or nobody. */
  caller: 'person' | 'agent' | 'signed-out'
  /** The baseline route and the one measured against it. */
  routes: { baseline: string; candidate: string }
  /** What counts as a success. */
  expected: (status: number) => boolean
  /** Adapters whose bench server has these routes (all when absent). */
  adapters?: readonly string[]
}

const SEED_VS_ADAPTER = { baseline: ROUTES.seed, candidate: ROUTES.adapter }
const WITHOUT_AND_WITH_GUARD = { baseline: GUARD_ROUTES.unguarded, candidate: GUARD_ROUTES.guarded }
const GUARDED_SERVERS = ['express', 'fastify'] as const
const ok = (status: number) => status >= 200 && status < 300

export const PATHS: BenchPath[] = [
  { name: 'create', description: 'signed-in POST that mints a link', method: 'POST', caller: 'person', routes: SEED_VS_ADAPTER, expected: ok },
  { name: '401', description: 'signed-out POST', method: 'POST', caller: 'signed-out', routes: SEED_VS_ADAPTER, expected: (status) => status === 401 },
  {
    name: 'guard-person',
    description: "a person's GET of an app route, without and with the guard",
    method: 'GET',
    caller: 'person',
    routes: WITHOUT_AND_WITH_GUARD,
    expected: ok,
    adapters: GUARDED_SERVERS,
  },
  {
    name: 'guard-agent',
    description: "an agent session's GET of an app route its read-only scope allows, without and with the guard (the session's link cached after the first request)",
    method: 'GET',
    caller: 'agent',
    routes: WITHOUT_AND_WITH_GUARD,
    expected: ok,
    adapters: GUARDED_SERVERS,
  },
]

export const isGuardPath = (path: BenchPath) => path.routes === WITHOUT_AND_WITH_GUARD
