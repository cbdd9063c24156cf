import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
export const BIN = join(PACKAGE_DIR, 'bin/create-agent-tasks.js')
export const REPO_ROOT = join(PACKAGE_DIR, '../..')

if (!existsSync(join(PACKAGE_DIR, 'dist/cli.js')) || !existsSync(join(PACKAGE_DIR, 'templates'))) {
  throw new Error('create-agent-tasks is not built: run `pnpm --filter create-agent-tasks build` first.')
}

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** How this machine reaches the npm registry (the root turbo.json passes the same through). */
const NETWORK = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'npm_config_registry', 'npm_config_cafile']

/**
 * The environment of a run: PATH, HOME and the network settings only (no other npm_config_* of
 * whatever runs the tests, no npm_config_user_agent), plus `env`.
 */
export function cleanEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const network = Object.fromEntries(NETWORK.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]))
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...network, ...env } as NodeJS.ProcessEnv
}

/** A child process, as a user runs it; killed after `timeoutMs` so a stuck one is not left behind. */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 150_000): Promise<Ran> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const ran = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (ran.stdout += chunk))
  child.stderr.on('data', (chunk) => (ran.stderr += chunk))
  const timer = setTimeout(() => child.kill(), timeoutMs)
  const [code] = await once(child, 'close')
  clearTimeout(timer)
  return { code, ...ran }
}

/** The built bin in a child process, stdin not a terminal, in `cwd`. */
export function create(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs?: number): Promise<Ran> {
  return run(process.execPath, [BIN, ...args], cwd, cleanEnv(env), timeoutMs)
}

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A new empty directory outside the repo (the OS temp dir), removed after the file's tests. */
export function tempDir(label = 'create-agent-tasks'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `${label}-`)))
  made.push(dir)
  return dir
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/** Every file under `dir`, as '/'-separated paths relative to it. */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`
    return entry.isDirectory() ? filesUnder(dir, `${path}/`) : [path]
  })
}

/** Version of each package of this repo, by name. */
export function repoVersions(): Map<string, string> {
  const packages = join(REPO_ROOT, 'packages')
  return new Map(
    readdirSync(packages)
      .filter((name) => existsSync(join(packages, name, 'package.json')))
      .map((name) => readJson(join(packages, name, 'package.json')))
      .map((manifest) => [String(manifest.name), String(manifest.version)]),
  )
}
