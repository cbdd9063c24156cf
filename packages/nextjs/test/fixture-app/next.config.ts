import type { NextConfig } from 'next'

// The conformance fixture: the adapter's source (via the `@agent-tasks/nextjs` path in
// tsconfig.json) mounted as users mount the published package, built once per test run.
const config: NextConfig = {
  // Workspace TypeScript sources imported by the routes.
  transpilePackages: ['@agent-tasks/conformance'],
  // `pnpm typecheck` checks these files; skipping it here keeps the test build short.
  typescript: { ignoreBuildErrors: true },
}

export default config
