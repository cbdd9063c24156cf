import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')
const require = createRequire(join(packageDir, 'package.json'))
const HASH_FILE = join(fixtureDir, 'build', 'agent-tasks-fixture.sha256')
const SKIPPED = new Set(['build', 'node_modules', '.react-router'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

function bin(pkg: string, name: string): string {
  const manifest = require(`${pkg}/package.json`) as { bin: Record<string, string> | string }
  const relativeBin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]
  if (!relativeBin) throw new Error(`${pkg} has no ${name} bin`)
  return join(packageDir, 'node_modules', pkg, relativeBin)
}

/** `react-router build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
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
  for (const dependency of ['react-router', '@react-router/dev', '@clerk/react-router', '@agent-tasks/core']) {
    hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  }
  const digest = hash.digest('hex')
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === digest) return
  execFileSync(process.execPath, [bin('@react-router/dev', 'react-router'), 'build'], { cwd: fixtureDir, stdio: 'inherit' })
  writeFileSync(HASH_FILE, digest)
}

/** `react-router-serve` of the built fixture on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [bin('@react-router/serve', 'react-router-serve'), 'build/server/index.js'],
    cwd: fixtureDir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}
