import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFixtureApp, freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')

/** `astro build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, 'dist'),
    generated: ['.astro'],
    dependencies: ['astro', '@astrojs/node', '@clerk/astro'],
    command: { pkg: 'astro', bin: 'astro', args: ['build'] },
    // No telemetry: tests make no call beyond loopback.
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  })
}

/**
 * The built fixture's standalone server (`@astrojs/node`, which reads `HOST` and `PORT`) on a free
 * loopback port, with `env` added to this process's. `@clerk/astro` reads its public settings under
 * `PUBLIC_` names, so the emulator's are given under those too.
 */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  const publicNames = Object.fromEntries(
    ['CLERK_PUBLISHABLE_KEY', 'CLERK_PROXY_URL', 'CLERK_TELEMETRY_DISABLED']
      .filter((name) => env[name] !== undefined)
      .map((name) => [`PUBLIC_${name}`, env[name] as string]),
  )
  return startServerProcess({
    args: ['dist/server/entry.mjs'],
    cwd: fixtureDir,
    env: { ...env, ...publicNames, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}
