import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')
const HASH_FILE = join(fixtureDir, 'dist', 'agent-tasks-fixture.sha256')
const SKIPPED = new Set(['dist', 'node_modules', '.astro'])

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

/** `astro build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
export function buildFixture(): void {
  const built = join(packageDir, 'dist', 'index.js')
  const sources = filesUnder(join(packageDir, 'src'))
  if (!existsSync(built) || sources.some((file) => statSync(file).mtimeMs > statSync(built).mtimeMs)) {
    execFileSync(join(packageDir, 'node_modules', '.bin', 'tsdown'), [], { cwd: packageDir, stdio: 'inherit' })
  }
  const conformance = join(packageDir, 'node_modules', '@agent-tasks', 'conformance', 'src')
  const core = join(packageDir, 'node_modules', '@agent-tasks', 'core', 'dist')
  const hash = createHash('sha256')
  for (const file of [...filesUnder(fixtureDir), built, ...filesUnder(conformance), ...filesUnder(core)].sort()) {
    hash.update(`${relative(packageDir, file)}\0`).update(readFileSync(file))
  }
  for (const dependency of ['astro', '@astrojs/node', '@clerk/astro']) {
    hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  }
  const digest = hash.digest('hex')
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === digest) return
  // No telemetry: tests make no call beyond loopback.
  execFileSync(process.execPath, [bin('astro', 'astro'), 'build'], {
    cwd: fixtureDir,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  })
  writeFileSync(HASH_FILE, digest)
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
