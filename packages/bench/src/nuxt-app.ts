import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppProcess } from './app-process.ts'
import { type AppBuild, buildIfChanged, freePort, startAppServer } from './built-app.ts'
import { packageBin } from './package-dir.ts'

const appDir = fileURLToPath(new URL('../nuxt-app', import.meta.url))

const build: AppBuild = {
  what: 'nuxt build',
  appDir,
  generated: ['.output', '.nuxt'],
  builtFile: join(appDir, '.output', 'server', 'index.mjs'),
  hashFile: join(appDir, '.output', 'agent-tasks-bench.sha256'),
  workspacePackages: ['@agent-tasks/nuxt', '@agent-tasks/core'],
  dependencies: ['nuxt', '@clerk/nuxt'],
  args: [packageBin('nuxt', 'nuxt'), 'build'],
  env: { NUXT_TELEMETRY_DISABLED: '1' },
}

/** `nuxt build` of nuxt-app/, skipped when nothing it is built from changed since the last one. */
export function buildNuxtApp(): Promise<'built' | 'up to date'> {
  return buildIfChanged(build)
}

/** The `NUXT_…` runtime-config names `@clerk/nuxt` reads, from the emulator's `CLERK_*`. */
const NUXT_NAMES: Record<string, string> = {
  CLERK_PUBLISHABLE_KEY: 'NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
  CLERK_PROXY_URL: 'NUXT_PUBLIC_CLERK_PROXY_URL',
  CLERK_SECRET_KEY: 'NUXT_CLERK_SECRET_KEY',
  CLERK_API_URL: 'NUXT_CLERK_API_URL',
  CLERK_JWT_KEY: 'NUXT_CLERK_JWT_KEY',
}

/** Nitro's Node server of the built app on a free port, with the emulator's environment under Nuxt's names. */
export async function startNuxtApp(emulatorEnv: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const nuxtEnv = Object.fromEntries(
    Object.entries(NUXT_NAMES).flatMap(([from, to]) => (emulatorEnv[from] === undefined ? [] : [[to, emulatorEnv[from] as string]])),
  )
  return startAppServer({
    what: 'Nitro node-server',
    appDir,
    args: ['.output/server/index.mjs'],
    env: { ...emulatorEnv, ...nuxtEnv, HOST: '127.0.0.1', PORT: String(port) },
    origin: `http://127.0.0.1:${port}`,
    probePath: '/favicon.ico',
  })
}
