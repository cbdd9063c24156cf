import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { lookup } from 'node:dns/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { AppProcess } from './app-process.ts'
import { processCpuMicros } from './process-cpu.ts'
import { captureOutput, exitOf, stopChild } from './child-process.ts'
import { packageDir } from './package-dir.ts'

const appDir = fileURLToPath(new URL('../next-app', import.meta.url))
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
const HASH_FILE = join(appDir, '.next', 'agent-tasks-bench.sha256')
const SKIPPED = new Set(['.next', 'node_modules', 'next-env.d.ts'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** Everything the build is made of: the app, the adapter's and core's builds, Next.js and Clerk. */
function inputsHash(): string {
  const adapterDist = join(packageDir('@agent-tasks/nextjs'), 'dist')
  const coreDist = join(packageDir('@agent-tasks/core'), 'dist')
  const files = [...filesUnder(appDir), ...filesUnder(adapterDist), ...filesUnder(coreDist)].sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${relative(appDir, file)}\0`).update(readFileSync(file))
  for (const dependency of ['next', '@clerk/nextjs']) hash.update(readFileSync(join(packageDir(dependency), 'package.json')))
  return hash.digest('hex')
}

/** `next build` of next-app/, skipped when nothing it is built from changed since the last one. */
export async function buildNextApp(): Promise<'built' | 'up to date'> {
  const hash = inputsHash()
  if (existsSync(join(appDir, '.next', 'BUILD_ID')) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash) return 'up to date'
  try {
    await promisify(execFile)(process.execPath, [nextBin, 'build'], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`next build of ${appDir} failed:\n${stdout}${stderr}`)
  }
  writeFileSync(HASH_FILE, hash)
  return 'built'
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * The `-H` for 127.0.0.1. `next start -H 127.0.0.1` breaks every request `clerkMiddleware()` lets
 * through: Next.js calls loopback hosts `localhost` inside the proxy, so Clerk's same-URL rewrite looks
 * external and is proxied back to the server (vercel/next.js#94745). Binding by the name `localhost`
 * avoids that when it resolves to 127.0.0.1.
 */
async function loopbackHostname(): Promise<string> {
  const { address } = await lookup('localhost')
  return address === '127.0.0.1' ? 'localhost' : '127.0.0.1'
}

/** Polls until the server answers; gives up when it exits or after 30 s. */
async function untilAnswering(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(`${origin}/_next/static/not-here`, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not answer at ${origin} within 30 s:\n${output()}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** `next start` of the built app on a free port, with the emulator's environment. */
export async function startNextApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', await loopbackHostname()], {
    cwd: appDir,
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = captureOutput(child)
  const origin = `http://127.0.0.1:${port}`
  try {
    await Promise.race([untilAnswering(origin, child, output), exitOf(child, 'next start', output)])
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return { origin, output, cpuMicros: () => processCpuMicros(child.pid), close: () => stopChild(child) }
}
