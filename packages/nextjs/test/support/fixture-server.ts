import { type ServerProcess, startNextServer } from '@agent-tasks/conformance'
import { fixtureDir, nextBin } from './paths.js'

export type FixtureServer = ServerProcess

/** `next start` of the built fixture app on a free loopback port, with `env` added to this process's. */
export function startFixtureServer(env: Record<string, string>): Promise<FixtureServer> {
  return startNextServer({ nextBin, appDir: fixtureDir, env })
}
