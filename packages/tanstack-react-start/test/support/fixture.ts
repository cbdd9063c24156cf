import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixture-app')
const HASH_FILE = join(fixtureDir, 'dist', 'agent-tasks-fixture.sha256')
// routeTree.gen.ts is rewritten by every build (same content): an output, not an input.
const SKIPPED = new Set(['dist', 'node_modules', '.tanstack', 'routeTree.gen.ts'])

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

/** `vite build` of test/fixture-app (with this package's build), skipped when nothing it is built from changed. */
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
  for (const dependency of ['@tanstack/react-start', '@tanstack/react-router', '@clerk/tanstack-react-start', 'vite']) {
    hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  }
  const digest = hash.digest('hex')
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === digest) return
  execFileSync(process.execPath, [bin('vite', 'vite'), 'build'], { cwd: fixtureDir, stdio: 'inherit' })
  writeFileSync(HASH_FILE, digest)
}

/** The built fixture's server entry under `srvx` on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [bin('srvx', 'srvx'), 'serve', '--prod', '--entry', 'dist/server/server.js', '--static', '../client', '--host', '127.0.0.1', '--port', String(port)],
    cwd: fixtureDir,
    env: { ...env, NODE_ENV: 'production' },
    origin: `http://127.0.0.1:${port}`,
  })
}
