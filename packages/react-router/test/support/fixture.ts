import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFixtureApp, freePort, installedBin, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')

/** `react-router build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, 'build'),
    generated: ['.react-router'],
    dependencies: ['react-router', '@react-router/dev', '@clerk/react-router', '@agent-tasks/core'],
    command: { pkg: '@react-router/dev', bin: 'react-router', args: ['build'] },
  })
}

/** `react-router-serve` of the built fixture on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [installedBin(packageDir, '@react-router/serve', 'react-router-serve'), 'build/server/index.js'],
    cwd: fixtureDir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}
