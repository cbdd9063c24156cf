import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fixtureDir, nextBin, packageDir } from './paths.js'

const HASH_FILE = join(fixtureDir, '.next', 'agent-tasks-fixture.sha256')
const SKIPPED = new Set(['.next', 'node_modules', 'next-env.d.ts', 'tsconfig.tsbuildinfo'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

function newestMtime(paths: string[]): number {
  return Math.max(...paths.map((path) => statSync(path).mtimeMs))
}

/** The fixture imports the built package (as users do): rebuild it when `src/` is newer. */
function ensurePackageBuilt(): void {
  const built = join(packageDir, 'dist', 'index.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(filesUnder(join(packageDir, 'src')))) return
  execFileSync(join(packageDir, 'node_modules', '.bin', 'tsdown'), [], { cwd: packageDir, stdio: 'inherit' })
}

/** Everything the built fixture depends on: its sources, this package's build, the conformance fixture, core, Next.js and Clerk. */
function inputsHash(): string {
  const conformanceDir = join(packageDir, 'node_modules', '@agent-tasks', 'conformance', 'src')
  const coreBuild = join(packageDir, 'node_modules', '@agent-tasks', 'core', 'dist', 'index.js')
  const files = [...filesUnder(fixtureDir), join(packageDir, 'dist', 'index.js'), ...filesUnder(conformanceDir), coreBuild]
  const hash = createHash('sha256')
  for (const file of files.sort()) hash.update(`${relative(packageDir, file)}\0`).update(readFileSync(file))
  for (const dependency of ['next', '@clerk/nextjs']) {
    hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  }
  return hash.digest('hex')
}

/** `next build` of test/fixture-app, skipped when nothing it is built from changed since the last one. */
export function buildFixture(): void {
  ensurePackageBuilt()
  const hash = inputsHash()
  if (existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash) return
  execFileSync(process.execPath, [nextBin, 'build'], {
    cwd: fixtureDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      // Next.js evaluates route modules while collecting page data, and `fixtureOptions()` wants its
      // variables then too. The server reads the real ones when `next start` runs.
      AGENT_TASKS_CONFORMANCE_EVENTS_URL: 'http://127.0.0.1:9/build-time-placeholder',
      AGENT_TASKS_CONFORMANCE_ADMIN_USER_ID: 'user_build_time_placeholder',
    },
  })
  writeFileSync(HASH_FILE, hash)
}
