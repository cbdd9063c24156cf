import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFixtureApp, freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')

/** `nuxt build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, '.output'),
    generated: ['.nuxt'],
    dependencies: ['nuxt', '@clerk/nuxt', 'h3'],
    command: { pkg: 'nuxt', bin: 'nuxt', args: ['build'] },
    // No telemetry: tests make no call beyond loopback.
    env: { NUXT_TELEMETRY_DISABLED: '1' },
  })
}

/**
 * The built fixture's Nitro server (`.output/server/index.mjs`, which reads `HOST` and `PORT`) on a
 * free loopback port, with `env` added to this process's. Nuxt reads Clerk's settings from runtime
 * config, overridden by `NUXT_…` variables: the emulator's `CLERK_*` are given under those names.
 */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: ['.output/server/index.mjs'],
    cwd: fixtureDir,
    env: { ...env, ...nuxtClerkEnv(env), HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}

/** The `NUXT_…` runtime-config names `@clerk/nuxt` reads, from the `CLERK_*` the emulator prints. */
function nuxtClerkEnv(env: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = {
    CLERK_PUBLISHABLE_KEY: 'NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    CLERK_PROXY_URL: 'NUXT_PUBLIC_CLERK_PROXY_URL',
    CLERK_SECRET_KEY: 'NUXT_CLERK_SECRET_KEY',
    CLERK_API_URL: 'NUXT_CLERK_API_URL',
    CLERK_JWT_KEY: 'NUXT_CLERK_JWT_KEY',
  }
  return Object.fromEntries(Object.entries(names).flatMap(([from, to]) => (env[from] === undefined ? [] : [[to, env[from] as string]])))
}
