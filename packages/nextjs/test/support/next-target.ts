import { type ConformanceTarget, sharedServerTarget } from '@agent-tasks/conformance'
import { startFixtureServer } from './fixture-server.js'

/** The built fixture app under `next start`, one server for every profile. */
export function nextTarget(name: string): ConformanceTarget {
  return sharedServerTarget({
    name,
    // Next.js holds the request until its whole body has arrived (it tees the body for proxy.ts).
    bodyReadBeforeAdapterBy: 'Next.js',
    startServer: startFixtureServer,
    // proxy.ts leaves /no-middleware out of its matcher.
    withoutClerk: { basePath: '/no-middleware/api/agent-tasks', fix: 'export default clerkMiddleware()' },
  })
}
