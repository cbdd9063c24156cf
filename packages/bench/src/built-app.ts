import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import type { AppProcess } from './app-process.ts'
import { captureOutput, exitOf, stopChild } from './child-process.ts'
import { packageDir } from './package-dir.ts'
import { processCpuMicros } from './process-cpu.ts'

/**
 * The framework apps of the bench (`astro-app/`, `next-app/`, `nuxt-app/`, `react-router-app/`, `tanstack-start-app/`): built once by their framework's
 * CLI, rebuilt only when what they are built from changed, then served by it in a child process.
 */
export interface AppBuild {
  /** e.g. `next build`, for messages. */
  what: string
  /** The app's folder. */
  appDir: string
  /** Names (files or folders, at any depth) under `appDir` that are generated, not inputs. */
  generated: string[]
  /** A file every complete build writes; the build is redone without it. */
  builtFile: string
  /** Where the inputs' hash of the last build is kept (inside the build's output, so cleaning it forces a build). */
  hashFile: string
  /** Workspace packages whose `dist/` the app is built with. */
  workspacePackages: string[]
  /** Installed packages whose version the build depends on. */
  dependencies: string[]
  /** Arguments of `node` that build the app (run in `appDir`). */
  args: string[]
  env?: Record<string, string>
}

function filesUnder(dir: string, skipped: Set<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path, skipped) : [path]
  })
}

/** Everything the build is made of: the app's files, the workspace packages' builds, the dependencies' versions. */
function inputsHash(build: AppBuild): string {
  const skipped = new Set(['node_modules', ...build.generated])
  const files = [
    ...filesUnder(build.appDir, skipped),
    ...build.workspacePackages.flatMap((name) => filesUnder(join(packageDir(name), 'dist'), skipped)),
  ].sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${relative(build.appDir, file)}\0`).update(readFileSync(file))
  for (const dependency of build.dependencies) hash.update(readFileSync(join(packageDir(dependency), 'package.json')))
  return hash.digest('hex')
}

/** Builds the app, skipped when nothing it is built from changed since the last build. */
export async function buildIfChanged(build: AppBuild): Promise<'built' | 'up to date'> {
  const hash = inputsHash(build)
  if (existsSync(build.builtFile) && existsSync(build.hashFile) && readFileSync(build.hashFile, 'utf8') === hash) return 'up to date'
  try {
    await promisify(execFile)(process.execPath, build.args, {
      cwd: build.appDir,
      env: { ...process.env, ...build.env },
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`${build.what} of ${build.appDir} failed:\n${stdout}${stderr}`)
  }
  writeFileSync(build.hashFile, hash)
  return 'built'
}

/** A loopback port nobody listens on (for servers that must be told their port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Polls until the server answers anything at `probeUrl`; gives up when it exits or after 30 s. */
async function untilAnswering(what: string, probeUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(probeUrl, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} did not answer at ${probeUrl} within 30 s:\n${output()}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export interface AppServer {
  /** e.g. `next start`, for messages. */
  what: string
  appDir: string
  /** Arguments of `node` that serve the built app (run in `appDir`). */
  args: string[]
  /** Added to this process's environment (the emulator's, the port…); `NODE_ENV` is `production`. */
  env: Record<string, string>
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  origin: string
  /** A path any answer at which (a 404 will do) shows the server is up. */
  probePath: string
}

/** Starts the built app's server; resolves once it answers. */
export async function startAppServer(server: AppServer): Promise<AppProcess> {
  const child = spawn(process.execPath, server.args, {
    cwd: server.appDir,
    env: { ...process.env, ...server.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = captureOutput(child)
  try {
    await Promise.race([untilAnswering(server.what, `${server.origin}${server.probePath}`, child, output), exitOf(child, server.what, output)])
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return { origin: server.origin, output, cpuMicros: () => processCpuMicros(child.pid), close: () => stopChild(child) }
}
