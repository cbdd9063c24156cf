import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFixtureApp, type ServerProcess, startNextServer } from '@agent-tasks/conformance'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const fixtureDir = join(packageDir, 'test', 'fixtures', 'nextjs-app')

/**
 * `next build` of test/fixtures/nextjs-app (a production build), after this package's own build,
 * skipped when nothing it is built from changed. It imports `@agent-tasks/mcp/server-tool` from this
 * package's dist (tsconfig `paths`), as an app imports the published package.
 */
export function buildNextFixture(): void {
  buildFixtureApp({
    packageDir,
    fixtureDir,
    outputDir: join(fixtureDir, '.next'),
    generated: ['next-env.d.ts', 'tsconfig.tsbuildinfo'],
    dependencies: ['next', '@clerk/nextjs', '@modelcontextprotocol/sdk'],
    command: { pkg: 'next', bin: 'next', args: ['build'] },
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  })
}

/** `next start` of the built fixture on a free loopback port, with `env` added to this process's. */
export function startNextFixture(env: Record<string, string>): Promise<ServerProcess> {
  return startNextServer({ nextBin: join(packageDir, 'node_modules', 'next', 'dist', 'bin', 'next'), appDir: fixtureDir, env })
}
