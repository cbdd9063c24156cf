import { type ConformanceTarget, sharedServerTarget } from '@agent-tasks/conformance'
import { startFixtureServer } from './fixture.js'

/** The built fixture app under `react-router-serve`, one server for every profile. */
export function reactRouterTarget(name: string): ConformanceTarget {
  return sharedServerTarget({
    name,
    // @react-router/express builds the request URL from Host and the request line itself, and answers
    // 500 (no stack) when it cannot: the adapter never sees those requests.
    requestTargetRefusedBy: 'react-router-serve',
    startServer: startFixtureServer,
    // app/root.tsx skips Clerk's middleware below /no-middleware/.
    withoutClerk: { basePath: '/no-middleware/api/agent-tasks', fix: 'export const middleware = [clerkMiddleware()]' },
  })
}
