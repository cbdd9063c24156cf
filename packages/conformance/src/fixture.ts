// For adapters whose conformance app runs in its own process (e.g. a built Next.js app): the app
// builds each profile's options from the environment the suite started it with. No Node or vitest
// imports here, so any runtime can load it.
import { type ConformanceOptions, type ConformanceProfile, conformanceOptions } from './profiles.js'

export const EVENTS_URL_VAR = 'AGENT_TASKS_CONFORMANCE_EVENTS_URL'
export const ADMIN_USER_ID_VAR = 'AGENT_TASKS_CONFORMANCE_ADMIN_USER_ID'

/** Where an out-of-process app mounts each profile's contract. */
export const fixtureBasePaths: Readonly<Record<ConformanceProfile, string>> = {
  main: '/api/agent-tasks',
  agentFriendly: '/agent-friendly/api/agent-tasks',
  admin: '/admin/api/agent-tasks',
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
