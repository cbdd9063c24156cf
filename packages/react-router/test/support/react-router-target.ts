import type { ConformanceTarget } from '@agent-tasks/conformance'
import { fixtureBasePaths, fixtureEnv, fixtureProgrammaticPath, fixtureRoutePath } from '@agent-tasks/conformance/fixture'
import { type FixtureServer, startFixtureServer } from './fixture.js'

/**
 * The built fixture app under `react-router-serve`: one server serves the three profiles, each at its
 * `fixtureBasePaths` route (the `main` profile's instance also behind the route helper and the
 * programmatic routes). It starts on the first `start` and stops when the last profile closes.
 */
export function reactRouterTarget(name: string): ConformanceTarget {
  let server: Promise<FixtureServer> | undefined
  let open = 0
  return {
    name,
    // @react-router/express builds the request URL from Host and the request line itself, and answers
    // 500 (no stack) when it cannot: the adapter never sees those requests.
    requestTargetRefusedBy: 'react-router-serve',
    async start(emulator, _options, setup) {
      server ??= startFixtureServer({ ...emulator.env, ...fixtureEnv(setup) })
      const running = await server
      open += 1
      return {
        origin: running.origin,
        basePath: fixtureBasePaths[setup.profile],
        routePath: fixtureRoutePath,
        programmaticPath: fixtureProgrammaticPath,
        output: running.output,
        async close() {
          open -= 1
          if (open === 0) await running.close()
        },
      }
    },
    withoutClerk: {
      fix: 'export const middleware = [clerkMiddleware()]',
      async start() {
        if (!server) throw new Error('the fixture server starts with the profiles')
        const running = await server
        // app/root.tsx skips Clerk's middleware below /no-middleware/.
        return { app: { origin: running.origin, basePath: '/no-middleware/api/agent-tasks', output: running.output, close: async () => {} } }
      },
    },
  }
}
