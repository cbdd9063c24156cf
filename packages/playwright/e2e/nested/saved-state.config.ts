import { defineConfig } from '@playwright/test'
import { nestedRun, nestedUse } from './shared-config.js'

// Run by e2e/saved-state.spec.ts in a child process: one saved state, written once by the global setup,
// reused by every test of two workers (no `agentTasks.user`, so the fixture signs nobody in itself).
export default defineConfig({
  testDir: '.',
  testMatch: 'saved-state.spec.ts',
  globalSetup: './saved-state.global-setup.ts',
  ...nestedRun,
  workers: 2,
  fullyParallel: true,
  use: { ...nestedUse, ...(process.env.NESTED_STATE_FILE ? { storageState: process.env.NESTED_STATE_FILE } : {}) },
})
