import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFixtureApp, freePort, installedBin, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')

/** `vite build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, 'dist'),
    // routeTree.gen.ts is rewritten by every build (same content): an output, not an input.
    generated: ['.tanstack', 'routeTree.gen.ts'],
    dependencies: ['@tanstack/react-start', '@tanstack/react-router', '@clerk/tanstack-react-start', 'vite'],
    command: { pkg: 'vite', bin: 'vite', args: ['build'] },
  })
}

/** The built fixture's server entry under `srvx` on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [installedBin(packageDir, 'srvx', 'srvx'), 'serve', '--prod', '--entry', 'dist/server/server.js', '--static', '../client', '--host', '127.0.0.1', '--port', String(port)],
    cwd: fixtureDir,
    env: { ...env, NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}
