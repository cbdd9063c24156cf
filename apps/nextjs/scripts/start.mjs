// `pnpm start`: runs the built app (Next.js's production server, in this process) on exactly HOST:PORT,
// giving it the Clerk settings at run time.
// Real Clerk keys come from .env (see README); without them the offline emulator starts here first.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const appDir = fileURLToPath(new URL('..', import.meta.url))
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

try {
  process.loadEnvFile(new URL('../.env', import.meta.url))
} catch {
  // no .env file: fine
}

let emulator
if (!process.env.CLERK_SECRET_KEY) {
  // Loaded only here, so an app running on real Clerk never loads the emulator.
  const { startEmulator } = await import('@agent-tasks/emulator')
  emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 0),
    users: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }],
  })
  Object.assign(process.env, emulator.env)
  console.warn(`No CLERK_SECRET_KEY set: using the offline Clerk emulator at ${emulator.url}`)
}

if (!existsSync(new URL('../.next/BUILD_ID', import.meta.url))) {
  console.warn('No build found: running `next build` first (run `pnpm build` after changing the app).')
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, stdio: 'inherit' })
  if (build.status !== 0) {
    await emulator?.close()
    process.exit(build.status ?? 1)
  }
}

const host = process.env.HOST ?? '127.0.0.1'
const port = await portToUse(Number(process.env.PORT ?? 3000), host)
const requestTimeoutMs = positiveInteger('REQUEST_TIMEOUT_MS', process.env.REQUEST_TIMEOUT_MS ?? '10000')
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
// As `next start` does, before Next.js (and the React it loads) reads it.
process.env.NODE_ENV = 'production'
const { default: next } = await import('next')

// Next.js in this process, on a server bound to exactly HOST (`next start` cannot do both: see below).
const app = next({ dev: false, dir: appDir, hostname: nextHostname(host), port })
await app.prepare()
const handle = app.getRequestHandler()
const server = createHttpServer(
  {
    // The time limit on a request body. Next.js holds every request proxy.ts matches until its whole
    // body has arrived, before the route handler (and the adapter's own `bodyTimeoutMs`) runs, so the
    // server must enforce it: past it, Node answers 408 and closes the connection. `next start` leaves
    // Node's default, 300 s. Checked every second.
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: 1000,
  },
  (request, response) => {
    void handle(request, response).catch((error) => {
      // A client that leaves mid-body (or is cut off by the time limit) is not a server error.
      if (request.destroyed && error?.code === 'ECONNRESET') return
      console.error(error)
    })
  },
)
await new Promise((resolve, reject) => {
  server.once('error', reject)
  server.listen(port, host, resolve)
})
console.warn(`Next.js sample app listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    server.closeIdleConnections()
    await new Promise((resolve) => server.close(resolve))
    await app.close()
    await emulator?.close()
    process.exit(0)
  })
}

/** `PORT=0` means any free port; Next.js needs to know the real one, so pick it here. */
function portToUse(requested, hostname) {
  if (requested !== 0) return requested
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, hostname, () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 3000))
    })
  })
}

function positiveInteger(name, value) {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`${name} must be a positive whole number of milliseconds, not "${value}".`)
    process.exit(64)
  }
  return number
}

/**
 * The host name Next.js builds its own URLs from. For a loopback HOST it is `localhost`: Next.js names
 * loopback hosts `localhost` inside proxy.ts, and when its own URL says `127.0.0.1` instead, Clerk's
 * same-URL rewrite looks external and is proxied back to the server, which fails (vercel/next.js#94745;
 * `next start -H 127.0.0.1` hits it). So is it for every interface (`0.0.0.0`, `::`), as with
 * `next start` without `-H`. Only the name: the server is bound to HOST itself.
 */
function nextHostname(hostname) {
  return /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost|0\.0\.0\.0|::|\[::\])$/.test(hostname) ? 'localhost' : hostname
}
