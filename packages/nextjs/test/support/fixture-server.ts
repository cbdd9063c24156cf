import { type ChildProcess, spawn } from 'node:child_process'
import { lookup } from 'node:dns/promises'
import { createServer } from 'node:net'
import { fixtureDir, nextBin } from './paths.js'

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  /** Everything the server printed so far. */
  output(): string
  close(): Promise<void>
}

function freePort(): Promise<number> {
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

/**
 * The `-H` for 127.0.0.1. `next start -H 127.0.0.1` breaks every request `clerkMiddleware()` lets
 * through: Next.js normalises loopback hosts to `localhost` inside the proxy, so Clerk's same-URL
 * rewrite looks external and is proxied back to the server (vercel/next.js#94745). Binding by the
 * name `localhost` avoids that when it resolves to 127.0.0.1.
 */
async function loopbackHostname(): Promise<string> {
  const { address } = await lookup('localhost')
  return address === '127.0.0.1' ? 'localhost' : '127.0.0.1'
}

async function waitUntilAnswering(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${output()}`)
    try {
      await fetch(`${origin}/_next/static/not-here`, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`next start did not answer at ${origin}:\n${output()}`)
}

/** `next start` of the built fixture app on a free loopback port, with `env` added to this process's. */
export async function startFixtureServer(env: Record<string, string>): Promise<FixtureServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', await loopbackHostname()], {
    cwd: fixtureDir,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
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
