import { defineConfig } from '@playwright/test'
import type { AgentTasksOptions, AgentTasksWorkerOptions } from '../../src/index.js'
import { nestedRun, nestedUse } from './shared-config.js'

// The suite e2e/interrupt.spec.ts interrupts (SIGINT / SIGTERM) at different moments: four workers that
// sign in at once, half of them as a user they create, through a slow app (every page request of the link's
// landing page is held), so an interrupt finds sign-ins at every stage.
const agentTasks: AgentTasksOptions = {
  user: ({ parallelIndex }) => (parallelIndex % 2 === 0 ? { create: true } : { identifier: 'ada@example.com' }),
  redirectUrl: '/dashboard?delay=400',
}

export default defineConfig<object, AgentTasksWorkerOptions>({
  testDir: '.',
  testMatch: 'interrupted.spec.ts',
  ...nestedRun,
  workers: 4,
  fullyParallel: true,
  reporter: [['list']],
  use: { ...nestedUse, agentTasks },
})
