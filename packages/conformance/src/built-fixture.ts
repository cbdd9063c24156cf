import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** A conformance fixture app that a framework's CLI builds (React Router, TanStack Start, Astro, Nuxt…). */
export interface BuiltFixture {
  /** The adapter package's folder. */
  packageDir: string
  /** The fixture app's folder, e.g. `<packageDir>/test/fixture-app`. */
  fixtureDir: string
  /** The fixture's build output folder (the inputs' hash is kept in it, so removing it forces a build). */
  outputDir: string
  /** Other generated names under the fixture (at any depth), not inputs: `.nuxt`, `routeTree.gen.ts`… */
  generated?: string[]
  /** Installed packages whose version the build depends on (resolved from the adapter package). */
  dependencies: string[]
  /** The CLI that builds it, run with this Node in `fixtureDir`: a package, its bin, the arguments. */
  command: { pkg: string; bin: string; args: string[] }
  /** Added to this process's environment for the build (e.g. telemetry off). */
  env?: Record<string, string>
}

function filesUnder(dir: string, skipped: ReadonlySet<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path, skipped) : [path]
  })
}

/** The script of an installed package's command, read from its folder (not every package exports its package.json). */
export function installedBin(packageDir: string, pkg: string, name: string): string {
  const dir = join(packageDir, 'node_modules', pkg)
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string }
  const file = typeof bin === 'string' ? bin : bin?.[name]
  if (!file) throw new Error(`${pkg} has no ${name} command`)
  return join(dir, file)
}

/**
 * Builds the adapter package (tsdown, when a source is newer than its build) and then the fixture app
 * with the framework's CLI, skipped when nothing the app is built from changed: its files, the
 * adapter's and core's builds, this suite's sources, the dependencies' versions.
 */
export function buildFixtureApp(fixture: BuiltFixture): void {
  const { packageDir, fixtureDir, outputDir } = fixture
  const skipped = new Set(['node_modules', relative(fixtureDir, outputDir), ...(fixture.generated ?? [])])
  const dist = join(packageDir, 'dist')
  const sources = filesUnder(join(packageDir, 'src'), skipped)
  const builtAt = existsSync(dist) ? Math.min(...filesUnder(dist, skipped).map((file) => statSync(file).mtimeMs)) : 0
  if (!existsSync(dist) || sources.some((file) => statSync(file).mtimeMs > builtAt)) {
    execFileSync(join(packageDir, 'node_modules', '.bin', 'tsdown'), [], { cwd: packageDir, stdio: 'inherit' })
  }
  const conformance = join(packageDir, 'node_modules', '@agent-tasks', 'conformance', 'src')
  const core = join(packageDir, 'node_modules', '@agent-tasks', 'core', 'dist')
  const hash = createHash('sha256')
  for (const file of [...filesUnder(fixtureDir, skipped), ...filesUnder(dist, skipped), ...filesUnder(conformance, skipped), ...filesUnder(core, skipped)].sort()) {
    hash.update(`${relative(packageDir, file)}\0`).update(readFileSync(file))
  }
  for (const dependency of fixture.dependencies) hash.update(readFileSync(join(packageDir, 'node_modules', dependency, 'package.json')))
  const digest = hash.digest('hex')
  const hashFile = join(outputDir, 'agent-tasks-fixture.sha256')
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8') === digest) return
  const { pkg, bin, args } = fixture.command
  execFileSync(process.execPath, [installedBin(packageDir, pkg, bin), ...args], {
    cwd: fixtureDir,
    stdio: 'inherit',
    env: { ...process.env, ...fixture.env },
  })
  writeFileSync(hashFile, digest)
}
