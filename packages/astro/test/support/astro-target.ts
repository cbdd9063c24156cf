import { type ConformanceTarget, sharedServerTarget } from '@agent-tasks/conformance'
import { startFixtureServer } from './fixture.js'

/** The built fixture app under `@astrojs/node`'s standalone server, one server for every profile. */
export function astroTarget(name: string): ConformanceTarget {
  return sharedServerTarget({
    name,
    // Astro's security.checkOrigin (on by default, kept here as apps have it) refuses a write with
    // neither a same-origin Origin nor a non-form Content-Type before any endpoint runs.
    crossSiteWritesRefusedBy: "Astro's security.checkOrigin",
    startServer: startFixtureServer,
    // src/middleware.ts skips Clerk's middleware below /no-middleware/.
    withoutClerk: { basePath: '/no-middleware/api/agent-tasks', fix: 'export const onRequest = clerkMiddleware()' },
  })
}
