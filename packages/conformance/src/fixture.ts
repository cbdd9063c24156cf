// For the apps of the suite, in this process or their own (e.g. a built Next.js app): options per
// profile, where each helper is mounted, and the few lines behind the programmatic routes. No Node
// or vitest imports here, so any runtime can load it.
import { type ConformanceOptions, type ConformanceProfile, conformanceOptions } from './profiles.js'

export const EVENTS_URL_VAR = 'AGENT_TASKS_CONFORMANCE_EVENTS_URL'
export const ADMIN_USER_ID_VAR = 'AGENT_TASKS_CONFORMANCE_ADMIN_USER_ID'

/** Where an out-of-process app mounts each profile's contract. */
export const fixtureBasePaths: Readonly<Record<ConformanceProfile, string>> = {
  main: '/api/agent-tasks',
  agentFriendly: '/agent-friendly/api/agent-tasks',
  admin: '/admin/api/agent-tasks',
}

/** Where every app mounts the single-route helper and the programmatic routes (only the `main` profile's are called). */
export const fixtureRoutePath = '/create-agent-task'
export const fixtureProgrammaticPath = '/programmatic'

/**
 * The app routes below `programmaticPath`, each a few lines around one call of the instance:
 * - `POST /create`, JSON body → `agentTasks.create(request, body)` → 201 `{ agentTask }`;
 * - `POST /revoke/{agentTaskId}` → `agentTasks.revoke(request, id)` → 200 `{ agentTask }`;
 * - `GET /records` → `agentTasks.list(request)` → 200 `{ records: page.data }`;
 * - `POST /revoke-all` → `agentTasks.revokeAll(request)` → 200 with its result.
 * Each answers with `programmaticAnswer`.
 */
export const programmaticRoutes = {
  create: '/create',
  revoke: '/revoke/:agentTaskId',
  records: '/records',
  revokeAll: '/revoke-all',
} as const

interface ErrorLike {
  status: number
  code: string
  fields: ReadonlyArray<{ field: string }>
}

function isAgentTaskErrorLike(error: unknown): error is ErrorLike {
  return error instanceof Error && error.name === 'AgentTaskError'
}

/** How the programmatic routes answer: `status` and the result, or the error's status, `code` and field names. */
export async function programmaticAnswer(status: number, work: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    return { status, body: await work() }
  } catch (error) {
    if (!isAgentTaskErrorLike(error)) throw error
    return { status: error.status, body: { code: error.code, fields: error.fields.map((f) => f.field) } }
  }
}

/** The environment an out-of-process conformance app needs, besides the emulator's `CLERK_*` vars. */
export function fixtureEnv(setup: { eventsUrl: string; adminUserId: string }): Record<string, string> {
  return { [EVENTS_URL_VAR]: setup.eventsUrl, [ADMIN_USER_ID_VAR]: setup.adminUserId }
}

/** A profile's options inside the out-of-process app: hook events are POSTed back to the suite. */
export function fixtureOptions(
  profile: ConformanceProfile,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConformanceOptions {
  const eventsUrl = env[EVENTS_URL_VAR]
  const adminUserId = env[ADMIN_USER_ID_VAR]
  if (!eventsUrl || !adminUserId) throw new Error(`conformance fixture app started without ${EVENTS_URL_VAR} / ${ADMIN_USER_ID_VAR}`)
  return conformanceOptions(profile, {
    adminUserId,
    async record(hook, event) {
      await fetch(eventsUrl, { method: 'POST', body: JSON.stringify({ hook, event: { ...event, context: undefined } }) })
    },
  })
}

/**
 * The app's own routes, behind `agentTasks.guard` (mounted app-wide with the `main` profile's
 * instance, after the framework's Clerk middleware). Each answers 200 to whoever the guard lets through:
 * - `GET /billing` → a page (`text/html`), `GET /api/billing` → JSON: the built-in default policy asks
 *   the person before an agent may see them;
 * - `GET /reports` and `POST /reports` → JSON: no default rule covers them.
 */
export const guardedRoutes = {
  billingPage: '/billing',
  billingApi: '/api/billing',
  reports: '/reports',
} as const

/** What every guarded route's JSON answer is (the billing page answers `<h1>Billing</h1>`). */
export const guardedAnswer = (route: string): { route: string } => ({ route })
