import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppProcess } from './app-process.ts'
import { type AppBuild, buildIfChanged, freePort, startAppServer } from './built-app.ts'
import { packageBin } from './package-dir.ts'

const appDir = fileURLToPath(new URL('../tanstack-start-app', import.meta.url))

const build: AppBuild = {
  what: 'vite build (TanStack Start)',
  appDir,
  generated: ['dist', '.tanstack', 'routeTree.gen.ts'],
  builtFile: join(appDir, 'dist', 'server', 'server.js'),
  hashFile: join(appDir, 'dist', 'agent-tasks-bench.sha256'),
  workspacePackages: ['@agent-tasks/tanstack-react-start', '@agent-tasks/core'],
  dependencies: ['@tanstack/react-start', '@tanstack/react-router', '@clerk/tanstack-react-start', 'vite'],
  args: [packageBin('vite', 'vite'), 'build'],
}

/** `vite build` of tanstack-start-app/, skipped when nothing it is built from changed since the last one. */
export function buildTanstackStartApp(): Promise<'built' | 'up to date'> {
  return buildIfChanged(build)
}

/**
 * The built fetch handler served by srvx (server.mjs) on a free port, with the emulator's environment
 * (`@clerk/tanstack-react-start` reads the `CLERK_*` variables, the proxy URL included, itself).
 */
export async function startTanstackStartApp(emulatorEnv: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  return startAppServer({
    what: 'srvx (server.mjs)',
    appDir,
    args: ['server.mjs'],
    env: { ...emulatorEnv, PORT: String(port) },
    origin: `http://127.0.0.1:${port}`,
    probePath: '/favicon.ico',
  })
}
