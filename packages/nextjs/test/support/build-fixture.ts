import { join } from 'node:path'
import { buildFixtureApp } from '@agent-tasks/conformance'
import { fixtureDir, packageDir } from './paths.js'

/** `next build` of test/fixture-app (after the package's own build), skipped when nothing it is built from changed since the last one. */
export function buildFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, '.next'),
    generated: ['next-env.d.ts', 'tsconfig.tsbuildinfo'],
    dependencies: ['next', '@clerk/nextjs'],
    command: { pkg: 'next', bin: 'next', args: ['build'] },
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      // Next.js evaluates route modules while collecting page data, and `fixtureOptions()` wants its
      // variables then too. The server reads the real ones when `next start` runs.
      AGENT_TASKS_CONFORMANCE_EVENTS_URL: 'http://127.0.0.1:9/build-time-placeholder',
      AGENT_TASKS_CONFORMANCE_ADMIN_USER_ID: 'user_build_time_placeholder',
    },
  })
}
