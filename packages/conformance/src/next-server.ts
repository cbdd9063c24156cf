import { lookup } from 'node:dns/promises'
import { freePort, type ServerProcess, startServerProcess } from './server-process.js'

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

/** `next start` of a built Next.js app (`appDir`) on a free loopback port, with `env` added to this process's. */
export async function startNextServer(options: { nextBin: string; appDir: string; env: Record<string, string> }): Promise<ServerProcess> {
  const port = await freePort()
  return startServerProcess({
    args: [options.nextBin, 'start', '-p', String(port), '-H', await loopbackHostname()],
    cwd: options.appDir,
    env: { ...options.env, NEXT_TELEMETRY_DISABLED: '1' },
    origin: `http://127.0.0.1:${port}`,
  })
}
