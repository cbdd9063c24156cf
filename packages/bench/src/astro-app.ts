import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppProcess } from './app-process.ts'
import { type AppBuild, buildIfChanged, freePort, startAppServer } from './built-app.ts'
import { packageBin } from './package-dir.ts'

const appDir = fileURLToPath(new URL('../astro-app', import.meta.url))

const build: AppBuild = {
  what: 'astro build',
  appDir,
  generated: ['dist', '.astro'],
  builtFile: join(appDir, 'dist', 'server', 'entry.mjs'),
  hashFile: join(appDir, 'dist', 'agent-tasks-bench.sha256'),
  workspacePackages: ['@agent-tasks/astro', '@agent-tasks/core'],
  dependencies: ['astro', '@astrojs/node', '@clerk/astro'],
  args: [packageBin('astro', 'astro'), 'build'],
  env: { ASTRO_TELEMETRY_DISABLED: '1' },
}

/** `astro build` of astro-app/, skipped when nothing it is built from changed since the last one. */
export function buildAstroApp(): Promise<'built' | 'up to date'> {
  return buildIfChanged(build)
}

/**
 * `@astrojs/node`'s standalone server on a free port, with the emulator's environment; @clerk/astro
 * reads the publishable key and proxy URL under `PUBLIC_` names, so they are given under those too.
 */
export async function startAstroApp(emulatorEnv: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const publicNames = Object.fromEntries(
    ['CLERK_PUBLISHABLE_KEY', 'CLERK_PROXY_URL', 'CLERK_TELEMETRY_DISABLED'].flatMap((name) => {
      const value = emulatorEnv[name]
      return value === undefined ? [] : [[`PUBLIC_${name}`, value]]
    }),
  )
  return startAppServer({
    what: '@astrojs/node standalone',
    appDir,
    args: ['dist/server/entry.mjs'],
    env: { ...emulatorEnv, ...publicNames, HOST: '127.0.0.1', PORT: String(port) },
    origin: `http://127.0.0.1:${port}`,
    probePath: '/favicon.ico',
  })
}
