import { defineConfig } from '@playwright/test'
import type { AgentTasksOptions, AgentTasksWorkerOptions } from '../../src/index.js'
import { nestedRun, nestedUse } from './shared-config.js'

// A whole suite run by e2e/worker-lifecycle.spec.ts in a child process, configured only through the
// environment (CLERK_SECRET_KEY, CLERK_API_URL) as a user's suite would be.
const mode = process.env.NESTED_MODE
const agentTasks: AgentTasksOptions =
  mode === 'create'
    ? { user: { create: true }, redirectUrl: '/dashboard' }
    : mode === 'refused'
      ? { user: { identifier: 'ada@example.com' }, redirectUrl: 'http://app.example.test/dashboard' }
      : { user: ({ parallelIndex }) => ({ identifier: `pool-${parallelIndex}@example.com` }), redirectUrl: '/dashboard' }

export default defineConfig<object, AgentTasksWorkerOptions>({
  testDir: '.',
  testMatch: 'suite.spec.ts',
  ...nestedRun,
  workers: 2,
  fullyParallel: true,
  use: { ...nestedUse, agentTasks },
})
