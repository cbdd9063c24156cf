import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lookup } from 'node:dns/promises'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startServerProcess } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixtures', 'nextjs-app')
const nextBin = join(packageDir, 'node_modules', 'next', 'dist', 'bin', 'next')
const HASH_FILE = join(fixtureDir, '.next', 'agent-tasks-fixture.sha256')
const SKIPPED = new Set(['.next', 'node_modules', 'next-env.d.ts', 'tsconfig.tsbuildinfo'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** Everything the build depends on: the fixture, this package's built tool, the adapter's and core's builds, Next.js and Clerk. */
function inputsHash(): string {
  const modules = join(packageDir, 'node_modules')
  const files = [
    ...filesUnder(fixtureDir),
    join(packageDir, 'dist', 'server-tool.js'),
    join(modules, '@agent-tasks', 'nextjs', 'dist', 'index.js'),
    join(modules, '@agent-tasks', 'core', 'dist', 'index.js'),
  ]
  const hash = createHash('sha256')
  for (const file of files.sort()) hash.update(`${relative(packageDir, file)}\0`).update(readFileSync(file))
  for (const dependency of ['next', '@clerk/nextjs', '@modelcontextprotocol/sdk']) hash.update(readFileSync(join(modules, dependency, 'package.json')))
  return hash.digest('hex')
}

/**
 * `next build` of test/fixtures/nextjs-app (a production build), skipped when nothing it is built from
 * changed. It imports `@agent-tasks/mcp/server-tool` from this package's dist (tsconfig `paths`), as an
 * app imports the published package: run `pnpm build` first.
 */
export function buildNextFixture(): void {
  if (!existsSync(join(packageDir, 'dist', 'server-tool.js'))) throw new Error('@agent-tasks/mcp is not built: run `pnpm build` in packages/mcp first')
  const hash = inputsHash()
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash) return
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: fixtureDir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  writeFileSync(HASH_FILE, hash)
}

/**
 * The `-H` for 127.0.0.1: Next.js normalises loopback hosts to `localhost` inside the proxy, which
 * breaks Clerk's rewrite under `-H 127.0.0.1` (vercel/next.js#94745, as packages/nextjs's tests note).
 */
async function loopbackHostname(): Promise<string> {
  const { address } = await lookup('localhost')
  return address === '127.0.0.1' ? 'localhost' : '127.0.0.1'
}

/** `next start` of the built fixture on a free loopback port, with `env` added to this process's. */
export async function startNextFixture(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [nextBin, 'start', '-p', String(port), '-H', await loopbackHostname()],
    cwd: fixtureDir,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    origin: `http://127.0.0.1:${port}`,
  })
}
