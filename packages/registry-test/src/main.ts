// The packages and templates as a user meets them, on a real npm registry on loopback:
//   1. Verdaccio (temp storage; the machine's registry as uplink for third-party packages; ours local only)
//   2. every public package published to it with the release command's publish step
//   3. each public package installed alone in an empty npm project, imported from ESM, CJS, TypeScript
//   4. each template: npm create agent-tasks, install, build, start on the emulator, sign in, typecheck
//   5. a folder copied out of apps/ (express unless REGISTRY_TEST_COPIES names others): the same, with npm alone
// Selected with REGISTRY_TEST_PARTS=packages,templates,copies (default all; `publish`: steps 1-2 only),
// REGISTRY_TEST_PACKAGES=<names>, REGISTRY_TEST_TEMPLATES=<names>; REGISTRY_TEST_KEEP=1 keeps the temp folder.
import { redactCredentials } from '@agent-tasks/core'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { handleInterrupts, onInterrupt } from './interrupt.ts'
import { checkPackage } from './package-imports.ts'
import { forEachLimited } from './pool.ts'
import { say, seconds, step } from './progress.ts'
import { assertBuiltBeforeUs, assertPublished, publishAll } from './publish.ts'
import { checkMcpInApp } from './mcp-in-app.ts'
import { checkCopiedApp, checkTemplate, templateNames } from './templates.ts'
import { assertNothingAbove, machineNpm, npmSetup, withoutWorkspace } from './user-env.ts'
import { startVerdaccio } from './verdaccio.ts'
import { publicPackages } from './workspace.ts'

/** At most this many installs, builds or apps at once: the machine has two cores. */
const PARALLEL = 2

interface CaseResult {
  part: string
  name: string
  ms: number
  error?: unknown
}

const results: CaseResult[] = []
const partTimes: Array<[string, number]> = []

function listFromEnv(name: string): string[] | undefined {
  const value = process.env[name]?.trim()
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined
}

/** `all`, or the part of it `REGISTRY_TEST_<name>` names; a name it does not know is a mistake, not an empty selection. */
function selected<T>(variable: string, all: readonly T[], nameOf: (item: T) => string): readonly T[] {
  const names = listFromEnv(variable)
  if (!names) return all
  const unknown = names.filter((name) => !all.some((item) => nameOf(item) === name))
  if (unknown.length > 0) throw new Error(`${variable}: no ${unknown.join(', ')} among ${all.map(nameOf).join(', ')}`)
  return all.filter((item) => names.includes(nameOf(item)))
}

async function timedPart<T>(label: string, work: () => Promise<T>): Promise<T> {
  const began = performance.now()
  try {
    return await step(label, work)
  } finally {
    partTimes.push([label, performance.now() - began])
  }
}

/** A failure for the log: what went wrong, with any key, token or link taken out (app output is quoted). */
function describe(error: unknown): string {
  return redactCredentials(error instanceof Error ? error.message : String(error))
}

/** Runs one case (a package, a template), recording its time and failure without stopping the others. */
async function runCase(part: string, name: string, work: () => Promise<void>): Promise<void> {
  const began = performance.now()
  try {
    await step(`${part} › ${name}`, work)
    results.push({ part, name, ms: performance.now() - began })
  } catch (error) {
    results.push({ part, name, ms: performance.now() - began, error })
    process.stderr.write(`\n${part} › ${name} failed:\n${describe(error)}\n\n`)
  }
}

/** This Node, and the machine's own when it is another version (Node 20: the floor our engines name). */
function nodeBinaries(): string[] {
  const system = '/usr/bin/node'
  if (!existsSync(system)) return [process.execPath]
  const version = execFileSync(system, ['--version'], { encoding: 'utf8' }).trim()
  return version === process.version ? [process.execPath] : [process.execPath, system]
}

function report(): void {
  say('timings:')
  for (const [label, ms] of partTimes) say(`  ${label.padEnd(48)} ${seconds(ms)}`)
  for (const result of results) say(`  ${`${result.part} › ${result.name}`.padEnd(48)} ${seconds(result.ms)}${result.error ? '  FAILED' : ''}`)
  const failed = results.filter((result) => result.error !== undefined)
  for (const result of failed) say(`failed: ${result.part} › ${result.name}`)
  process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`)
}

async function main(): Promise<number> {
  handleInterrupts()
  const parts = new Set(listFromEnv('REGISTRY_TEST_PARTS') ?? ['packages', 'templates', 'copies', 'mcp'])
  // realpath: on macOS os.tmpdir() is a symlink, and npm reports real paths.
  const runDir = realpathSync(mkdtempSync(join(tmpdir(), 'agent-tasks-registry-test-')))
  const keep = process.env.REGISTRY_TEST_KEEP === '1'
  const forgetRunDir = onInterrupt(() => keep || rmSync(runDir, { recursive: true, force: true }))
  say(`working in ${runDir}${keep ? ' (kept: REGISTRY_TEST_KEEP=1)' : ''}`)
  try {
    assertNothingAbove(runDir)
    const packages = publicPackages()
    assertBuiltBeforeUs(packages)
    const chosenPackages = parts.has('packages') ? selected('REGISTRY_TEST_PACKAGES', packages, (pkg) => pkg.name) : []
    const creator = packages.find((pkg) => pkg.name === 'create-agent-tasks')
    if (parts.has('templates') && !creator) throw new Error('no public create-agent-tasks package in packages/: the templates cannot be created')
    const chosenTemplates = parts.has('templates') && creator ? selected('REGISTRY_TEST_TEMPLATES', templateNames(creator), (name) => name) : []
    // A folder copied out of apps/ is the template as create-agent-tasks ships it, less the renaming:
    // one (the quickest to build) proves the copy path; REGISTRY_TEST_COPIES names others.
    const chosenCopies = parts.has('copies') ? (listFromEnv('REGISTRY_TEST_COPIES') ?? ['express']) : []
    if (creator) selected('REGISTRY_TEST_COPIES', templateNames(creator), (name) => name)
    const machine = machineNpm()
    const registry = await timedPart(`1. Verdaccio on loopback (uplink ${machine.registry})`, () =>
      startVerdaccio(join(runDir, 'verdaccio'), machine, withoutWorkspace(process.env)),
    )
    say(`local registry at ${registry.url}`)
    try {
      const npm = npmSetup(runDir, registry.url)
      const publishStarted = performance.now()
      await timedPart(`2. changeset publish of ${packages.length} public packages`, async () => {
        await publishAll(npm.publishEnv)
        await assertPublished(registry.url, packages)
        say(`published: ${packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}`)
      })
      results.push({ part: 'publish', name: `${packages.length} packages on the local registry`, ms: performance.now() - publishStarted })

      if (chosenPackages.length > 0) {
        const nodes = nodeBinaries()
        await timedPart(`3. ${chosenPackages.length} packages, each installed alone`, () =>
          forEachLimited(chosenPackages, PARALLEL, (pkg) =>
            runCase('package', pkg.name, () =>
              checkPackage(pkg, {
                projectDir: join(runDir, 'packages', pkg.name.replace(/[@/]/g, '_')),
                env: npm.env,
                nodeBinaries: nodes,
                say: (line) => say(`  ${line}`),
              }),
            ),
          ),
        )
      }

      if (creator && chosenTemplates.length > 0) {
        await timedPart(`4. ${chosenTemplates.length} templates via npm create agent-tasks@${creator.version}`, () =>
          forEachLimited(chosenTemplates, PARALLEL, (name) =>
            runCase('template', name, () =>
              checkTemplate(name, { creatorVersion: creator.version, workDir: join(runDir, 'templates'), env: npm.env, say: (line) => say(`  ${name}: ${line}`) }),
            ),
          ),
        )
      }

      if (chosenCopies.length > 0) {
        await timedPart(`5. ${chosenCopies.length} app folder(s) copied out of apps/`, () =>
          forEachLimited(chosenCopies, PARALLEL, (name) =>
            runCase('copied app', name, () => checkCopiedApp(name, { workDir: join(runDir, 'copies'), env: npm.env, say: (line) => say(`  ${name} copy: ${line}`) })),
          ),
        )
      }

      const mcp = packages.find((pkg) => pkg.name === '@agent-tasks/mcp')
      if (parts.has('mcp') && creator && mcp) {
        await timedPart('6. a coding agent signed in through agent-tasks-mcp, in a created app', () =>
          runCase('mcp', 'express', () =>
            checkMcpInApp('express', {
              creatorVersion: creator.version,
              mcpVersion: mcp.version,
              workDir: join(runDir, 'mcp'),
              env: npm.env,
              say: (line) => say(`  mcp: ${line}`),
            }),
          ),
        )
      }
    } finally {
      await registry.stop()
    }
  } catch (error) {
    results.push({ part: 'run', name: 'stopped before its end', ms: 0, error })
    process.stderr.write(`\n${describe(error)}\n\n`)
  } finally {
    forgetRunDir()
    if (!keep) rmSync(runDir, { recursive: true, force: true })
  }
  report()
  return results.some((result) => result.error !== undefined) ? 1 : 0
}

process.exitCode = await main()
