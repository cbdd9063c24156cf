// `pnpm start`: runs the built app with `next start`, giving it the Clerk settings at run time.
// Real Clerk keys come from .env (see README); without them the offline emulator starts here first.
import { spawn, spawnSync } from 'node:child_process'
import { lookup } from 'node:dns/promises'
import { existsSync } from 'node:fs'
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
const hostnameArgs = await nextHostnameArgs(host)

const next = spawn(process.execPath, [nextBin, 'start', '-p', String(port), ...hostnameArgs], {
  cwd: appDir,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' },
})
console.warn(`Next.js sample app starting on http://${host.includes(':') ? `[${host}]` : host}:${port}`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => next.kill(signal))
}
next.on('exit', async (code, signal) => {
  await emulator?.close()
  process.exit(code ?? (signal ? 0 : 1))
})

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

/**
 * `next start -H 127.0.0.1` breaks every request clerkMiddleware() handles: Next.js calls loopback
 * hosts `localhost` inside proxy.ts, so Clerk's same-URL rewrite looks external and is proxied back to
 * the server, which fails (vercel/next.js#94745). For a loopback HOST, bind by the name `localhost`
 * when it resolves to that address, else on all interfaces (Next.js's default).
 */
async function nextHostnameArgs(hostname) {
  if (!/^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/.test(hostname)) return ['-H', hostname]
  const { address } = await lookup('localhost').catch(() => ({ address: undefined }))
  if (hostname === 'localhost' || address === hostname.replace(/^\[|\]$/g, '')) return ['-H', 'localhost']
  console.warn(`localhost does not resolve to ${hostname}: listening on all interfaces (see vercel/next.js#94745).`)
  return []
}
