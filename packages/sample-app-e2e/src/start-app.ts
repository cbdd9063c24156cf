import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface StartedApp {
  /** e.g. `http://127.0.0.1:40123` */
  url: string
  /** Everything the app printed so far. */
  output(): string
  stop(): Promise<void>
}

export interface StartAppOptions {
  /** The app's folder: `command` runs there. */
  appDir: string
  /** The command that starts the app in `appDir`, e.g. `['pnpm', '--silent', 'start']`. */
  command: readonly [string, ...string[]]
  env: Record<string, string>
  /** How long the app may take to answer its first request. */
  readyTimeoutMs?: number
}

function withoutClerkSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.includes('CLERK_')))
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${output()}`)
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs} ms:\n${output()}`)
}

/** Starts a sample app with `command` (its start script), on a free loopback port, and waits until it answers. */
export async function startApp(options: StartAppOptions): Promise<StartedApp> {
  const port = await freePort()
  const [file, ...args] = options.command
  const child = spawn(file, args, {
    cwd: options.appDir,
    // Clerk settings only from `options.env`: none a developer's shell may hold.
    env: { ...withoutClerkSettings(process.env), ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops what it started (e.g. `next start`).
    detached: true,
  })
  const signal = (name: NodeJS.Signals) => signalGroup(child, name)
  let printed = ''
  const collect = (chunk: Buffer) => {
    printed += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  const output = () => printed
  try {
    await waitUntilAnswering(url, child, options.readyTimeoutMs ?? 60_000, output)
  } catch (error) {
    signal('SIGKILL')
    throw error
  }
  return {
    url,
    output,
    stop: () => stopGroup(child),
  }
}

/** Sends `name` to the process group `child` leads (spawned with `detached: true`); a group already gone is fine. */
export function signalGroup(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, name)
  } catch {
    // already gone
  }
}

/** SIGTERM to the group, SIGKILL 5 s later if it is still there; resolves when the leader has exited. */
export function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    signalGroup(child, 'SIGTERM')
  })
}
