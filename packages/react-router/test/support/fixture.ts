import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

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

export interface FixtureServer {
  origin: string
  output(): string
  close(): Promise<void>
}

async function waitUntilAnswering(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`react-router-serve exited with code ${child.exitCode}:\n${output()}`)
    try {
      await fetch(`${origin}/favicon.ico`, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`react-router-serve did not answer at ${origin}:\n${output()}`)
}

/** `react-router-serve` of the built fixture on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<FixtureServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [bin('@react-router/serve', 'react-router-serve'), 'build/server/index.js'], {
    cwd: fixtureDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const output = () => printed
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    })
  const origin = `http://127.0.0.1:${port}`
  try {
    await waitUntilAnswering(origin, child, output)
  } catch (error) {
    await close()
    throw error
  }
  return { origin, output, close }
}
