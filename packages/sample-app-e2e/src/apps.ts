import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SampleAppSpecOptions } from './specs.ts'

/** The sample apps, by folder name under `apps/`, with the framework's name for test titles. */
export const sampleApps = {
  express: 'Express',
  fastify: 'Fastify',
  nextjs: 'Next.js',
  'react-router': 'React Router',
  'tanstack-react-start': 'TanStack React Start',
  astro: 'Astro',
  nuxt: 'Nuxt',
} as const

export type SampleAppFolder = keyof typeof sampleApps

/** Where the apps are: the repository's `apps/`, or `SAMPLE_APPS_DIR` (copies of them elsewhere). */
export function sampleAppsDir(): string {
  return process.env.SAMPLE_APPS_DIR ?? fileURLToPath(new URL('../../../apps', import.meta.url))
}

/**
 * How the specs start a sample app: its own `start` script in its folder, as a user runs it
 * (`agent-tasks-emulator run -- <the framework's start command>`). The stack puts its emulator's keys in
 * the environment, so `run` leaves them as they are instead of starting an emulator of its own.
 */
export function sampleApp(folder: SampleAppFolder): SampleAppSpecOptions {
  return {
    name: sampleApps[folder],
    appDir: join(sampleAppsDir(), folder),
    command: ['pnpm', '--silent', 'start'],
  }
}
