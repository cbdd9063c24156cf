import { type ConformanceTarget, sharedServerTarget } from '@agent-tasks/conformance'
import { startFixtureServer } from './fixture.js'

/** The built fixture app under its Nitro server (node-server preset), one server for every profile. */
export function nuxtTarget(name: string): ConformanceTarget {
  return sharedServerTarget({
    name,
    startServer: startFixtureServer,
    // server/middleware/clerk.ts skips Clerk's middleware below /no-middleware/.
    withoutClerk: { basePath: '/no-middleware/api/agent-tasks', fix: "'@clerk/nuxt'" },
  })
}
