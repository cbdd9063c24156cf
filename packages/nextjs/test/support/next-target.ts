import type { ConformanceTarget } from '@agent-tasks/conformance'
import { fixtureBasePaths, fixtureEnv } from '@agent-tasks/conformance/fixture'
import { type FixtureServer, startFixtureServer } from './fixture-server.js'

/**
 * The built fixture app under `next start`: one server serves the three profiles, each at its
 * `fixtureBasePaths` route. It starts on the first `start` and stops when the last profile closes.
 */
export function nextTarget(name: string): ConformanceTarget {
  let server: Promise<FixtureServer> | undefined
  let open = 0
  return {
    name,
    async start(emulator, _options, setup) {
      server ??= startFixtureServer({ ...emulator.env, ...fixtureEnv(setup) })
      const running = await server
      open += 1
      return {
        origin: running.origin,
        basePath: fixtureBasePaths[setup.profile],
        output: running.output,
        async close() {
          open -= 1
          if (open === 0) await running.close()
        },
      }
    },
  }
}
