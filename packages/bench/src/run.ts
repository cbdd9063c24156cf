import { agentSessionOn } from './agent-session.ts'
import { type AppProcess, forkServer } from './app-process.ts'
import { buildAstroApp, startAstroApp } from './astro-app.ts'
import { measureBundleSizes } from './bundle-size.ts'
import { type Comparison, compareRoutes } from './compare-routes.ts'
import { startEmulatorProcess } from './emulator-process.ts'
import { buildNextApp, startNextApp } from './next-app.ts'
import { buildNuxtApp, startNuxtApp } from './nuxt-app.ts'
import { type AdapterName, type BenchOptions, readOptions, USAGE } from './options.ts'
import { isGuardPath, PATHS } from './paths.ts'
import { preflight } from './preflight.ts'
import { buildReactRouterApp, startReactRouterApp } from './react-router-app.ts'
import { guardMethodLine, guardTable, methodLine, sizeTable, throughputTable } from './report.ts'
import { buildTanstackStartApp, startTanstackStartApp } from './tanstack-start-app.ts'

const servers: Record<AdapterName, (env: Record<string, string>) => Promise<AppProcess>> = {
  astro: startAstroApp,
  express: (env) => forkServer(new URL('./servers/express-app.ts', import.meta.url), env),
  fastify: (env) => forkServer(new URL('./servers/fastify-app.ts', import.meta.url), env),
  nextjs: startNextApp,
  nuxt: startNuxtApp,
  'react-router': startReactRouterApp,
  'tanstack-react-start': startTanstackStartApp,
}

/** The framework apps built (when their inputs changed) before any server starts. */
const builds: Partial<Record<AdapterName, { app: string; command: string; build: () => Promise<'built' | 'up to date'> }>> = {
  astro: { app: 'astro-app', command: 'astro build', build: buildAstroApp },
  nextjs: { app: 'next-app', command: 'next build', build: buildNextApp },
  nuxt: { app: 'nuxt-app', command: 'nuxt build', build: buildNuxtApp },
  'react-router': { app: 'react-router-app', command: 'react-router build', build: buildReactRouterApp },
  'tanstack-react-start': { app: 'tanstack-start-app', command: 'vite build', build: buildTanstackStartApp },
}

const print = (text: string) => process.stdout.write(`${text}\n`)
const noAgentPath = (): Promise<string> => Promise.reject(new Error('no agent path was asked for'))
const progress = (line: string) => process.stderr.write(`  ${line}\n`)

/** One emulator and one server for `adapter`; both paths compared on it. */
async function benchAdapter(adapter: AdapterName, options: BenchOptions): Promise<Comparison[]> {
  const emulator = await startEmulatorProcess()
  try {
    const app = await servers[adapter](emulator.env)
    try {
      await preflight(app.origin, await emulator.sessionToken(60))
      const paths = PATHS.filter((path) => options.paths.includes(path.name) && (path.adapters === undefined || path.adapters.includes(adapter)))
      const agentToken = paths.some((path) => path.caller === 'agent') ? await agentSessionOn(app.origin, emulator) : noAgentPath
      const comparisons: Comparison[] = []
      for (const path of paths) {
        comparisons.push(
          await compareRoutes({
            adapter,
            path,
            origin: app.origin,
            appCpuMicros: app.cpuMicros,
            options,
            sessionToken: emulator.sessionToken,
            agentToken,
            progress,
          }),
        )
      }
      return comparisons
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw new Error(`${message}\n--- ${adapter} server output (last lines) ---\n${app.output().split('\n').slice(-40).join('\n')}`)
    } finally {
      await app.close()
    }
  } finally {
    await emulator.close()
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env)
  if (options === 'help') {
    process.stdout.write(USAGE)
    return
  }

  print('## Built size (minified + gzipped, ESM, peers external; adapters without core)\n')
  print(sizeTable(await measureBundleSizes()))

  for (const adapter of options.adapters) {
    const app = builds[adapter]
    if (!app) continue
    progress(`${app.app}: ${app.command} (skipped when nothing changed)…`)
    progress(`${app.app}: ${await app.build()}`)
  }

  const comparisons: Comparison[] = []
  for (const adapter of options.adapters) {
    progress(`${adapter}: starting the emulator and the server`)
    comparisons.push(...(await benchAdapter(adapter, options)))
  }
  const seedVsAdapter = comparisons.filter((comparison) => !isGuardPath(comparison.path))
  const guard = comparisons.filter((comparison) => isGuardPath(comparison.path))
  if (seedVsAdapter.length > 0) {
    print('\n## Seed route vs adapter route, same server\n')
    print(methodLine(options))
    print('')
    print(throughputTable(seedVsAdapter))
  }
  if (guard.length > 0) {
    print('\n## An app route without vs with agentTasks.guard, same server\n')
    print(guardMethodLine())
    print('')
    print(guardTable(guard))
  }
}

main().catch((error: unknown) => {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
