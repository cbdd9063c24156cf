import type { ConformanceTarget } from '@agent-tasks/conformance'
import { fixtureBasePaths, fixtureEnv, fixtureProgrammaticPath, fixtureRoutePath } from '@agent-tasks/conformance/fixture'
import { type FixtureServer, startFixtureServer } from './fixture-server.js'

/**
 * The built fixture app under `next start`: one server serves the three profiles, each at its
 * `fixtureBasePaths` route (the `main` profile's instance also behind the route helper, the
 * programmatic routes and the Server Actions). It starts on the first `start` and stops when the
 * last profile closes.
 */
export function nextTarget(name: string): ConformanceTarget {
  let server: Promise<FixtureServer> | undefined
  let open = 0
  return {
    name,
    // Next.js holds the request until its whole body has arrived (it tees the body for proxy.ts).
    bodyReadBeforeAdapterBy: 'Next.js',
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
      fix: 'export default clerkMiddleware()',
      async start() {
        if (!server) throw new Error('the fixture server starts with the profiles')
        const running = await server
        // proxy.ts leaves /no-middleware out of its matcher.
        return { app: { origin: running.origin, basePath: '/no-middleware/api/agent-tasks', output: running.output, close: async () => {} } }
      },
    },
  }
}
