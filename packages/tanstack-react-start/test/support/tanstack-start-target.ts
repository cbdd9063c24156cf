import { type ConformanceTarget, sharedServerTarget } from '@agent-tasks/conformance'
import { startFixtureServer } from './fixture.js'

/** The built fixture app under `srvx`, one server for every profile. */
export function tanstackStartTarget(name: string): ConformanceTarget {
  return sharedServerTarget({
    name,
    startServer: startFixtureServer,
    // src/start.ts skips Clerk's middleware below /no-middleware/.
    withoutClerk: { basePath: '/no-middleware/api/agent-tasks', fix: 'requestMiddleware: [clerkMiddleware()]' },
  })
}
