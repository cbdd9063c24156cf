import { fixtureBasePaths, fixtureEnv, fixtureProgrammaticPath, fixtureRoutePath } from './fixture.js'
import type { ServerProcess } from './server-process.js'
import type { ConformanceTarget } from './target.js'

export interface SharedServerTargetOptions extends Omit<ConformanceTarget, 'start' | 'withoutClerk'> {
  /** Starts the built fixture app with this environment (the emulator's `CLERK_*` and `fixtureEnv`). */
  startServer(env: Record<string, string>): Promise<ServerProcess>
  /** Where the app mounts the contract with the Clerk middleware skipped, and the fix the adapter must name. */
  withoutClerk: { basePath: string; fix: string }
}

/**
 * A target for a built app in its own process that serves every profile at its `fixtureBasePaths`
 * route (the `main` profile's instance also behind `fixtureRoutePath` and `fixtureProgrammaticPath`).
 * One server starts on the first `start` and stops when the last profile closes.
 */
export function sharedServerTarget(options: SharedServerTargetOptions): ConformanceTarget {
  const { startServer, withoutClerk, ...target } = options
  let server: Promise<ServerProcess> | undefined
  let open = 0
  return {
    ...target,
    async start(emulator, _options, setup) {
      server ??= startServer({ ...emulator.env, ...fixtureEnv(setup) })
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
      fix: withoutClerk.fix,
      async start() {
        if (!server) throw new Error('the fixture server starts with the profiles')
        const running = await server
        return { app: { origin: running.origin, basePath: withoutClerk.basePath, output: running.output, close: async () => {} } }
      },
    },
  }
}
