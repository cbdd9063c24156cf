import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')
const HASH_FILE = join(fixtureDir, '.output', 'agent-tasks-fixture.sha256')
const SKIPPED = new Set(['.output', 'node_modules', '.nuxt'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

function bin(pkg: string, name: string): string {
  // Read from the folder: not every package exports its package.json.
  const manifest = JSON.parse(readFileSync(join(packageDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { bin: Record<string, string> | string }
  const relativeBin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]
  if (!relativeBin) throw new Error(`${pkg} has no ${name} bin`)
  return join(packageDir, 'node_modules', pkg, relativeBin)
}

/** `nuxt build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  const built = join(packageDir, 'dist', 'module.js')
  const sources = filesUnder(join(packageDir, 'src'))
  if (!existsSync(built) || sources.some((file) => statSync(file).mtimeMs > statSync(built).mtimeMs)) {
    execFileSync(join(packageDir, 'node_modules', '.bin', 'tsdown'), [], { cwd: packageDir, stdio: 'inherit' })
  }
  const conformance = join(packageDir, 'node_modules', '@agent-tasks', 'conformance', 'src')
  const core = join(packageDir, 'node_modules', '@agent-tasks', 'core', 'dist')
  const hash = createHash('sha256')
  for (const file of [...filesUnder(fixtureDir), ...filesUnder(join(packageDir, 'dist')), ...filesUnder(conformance), ...filesUnder(core)].sort()) {
    hash.update(`${relative(packageDir, file)}\0`).update(readFileSync(file))
  }
  for (const dependency of ['nuxt', '@clerk/nuxt', 'h3']) {
    hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  }
  const digest = hash.digest('hex')
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === digest) return
  // No telemetry: tests make no call beyond loopback.
  execFileSync(process.execPath, [bin('nuxt', 'nuxt'), 'build'], {
    cwd: fixtureDir,
    stdio: 'inherit',
    env: { ...process.env, NUXT_TELEMETRY_DISABLED: '1' },
  })
  writeFileSync(HASH_FILE, digest)
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
