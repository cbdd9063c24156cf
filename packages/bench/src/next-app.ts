import { lookup } from 'node:dns/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppProcess } from './app-process.ts'
import { type AppBuild, buildIfChanged, freePort, startAppServer } from './built-app.ts'

const appDir = fileURLToPath(new URL('../next-app', import.meta.url))
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
const env = { NEXT_TELEMETRY_DISABLED: '1' }

const build: AppBuild = {
  what: 'next build',
  appDir,
  generated: ['.next', 'next-env.d.ts'],
  builtFile: join(appDir, '.next', 'BUILD_ID'),
  hashFile: join(appDir, '.next', 'agent-tasks-bench.sha256'),
  workspacePackages: ['@agent-tasks/nextjs', '@agent-tasks/core'],
  dependencies: ['next', '@clerk/nextjs'],
  args: [nextBin, 'build'],
  env,
}

/** `next build` of next-app/, skipped when nothing it is built from changed since the last one. */
export function buildNextApp(): Promise<'built' | 'up to date'> {
  return buildIfChanged(build)
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

/** `next start` of the built app on a free port, with the emulator's environment. */
export async function startNextApp(emulatorEnv: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  return startAppServer({
    what: 'next start',
    appDir,
    args: [nextBin, 'start', '-p', String(port), '-H', await loopbackHostname()],
    env: { ...emulatorEnv, ...env },
    origin: `http://127.0.0.1:${port}`,
    probePath: '/_next/static/not-here',
  })
}
