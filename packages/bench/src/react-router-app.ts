import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppProcess } from './app-process.ts'
import { type AppBuild, buildIfChanged, freePort, startAppServer } from './built-app.ts'
import { packageBin } from './package-dir.ts'

const appDir = fileURLToPath(new URL('../react-router-app', import.meta.url))

const build: AppBuild = {
  what: 'react-router build',
  appDir,
  generated: ['build', '.react-router'],
  builtFile: join(appDir, 'build', 'server', 'index.js'),
  hashFile: join(appDir, 'build', 'agent-tasks-bench.sha256'),
  workspacePackages: ['@agent-tasks/react-router', '@agent-tasks/core'],
  dependencies: ['react-router', '@react-router/dev', '@clerk/react-router', 'vite'],
  args: [packageBin('@react-router/dev', 'react-router'), 'build'],
}

/** `react-router build` of react-router-app/, skipped when nothing it is built from changed since the last one. */
export function buildReactRouterApp(): Promise<'built' | 'up to date'> {
  return buildIfChanged(build)
}

/**
 * `react-router-serve` of the built app on a free port, with the emulator's environment
 * (`@clerk/react-router` reads the `CLERK_*` variables, the proxy URL included, itself).
 */
export async function startReactRouterApp(emulatorEnv: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  return startAppServer({
    what: 'react-router-serve',
    appDir,
    args: [packageBin('@react-router/serve', 'react-router-serve'), 'build/server/index.js'],
    env: { ...emulatorEnv, PORT: String(port), HOST: '127.0.0.1' },
    origin: `http://127.0.0.1:${port}`,
    probePath: '/favicon.ico',
  })
}
