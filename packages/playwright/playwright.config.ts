import { defineConfig } from '@playwright/test'

/**
 * Two projects, two workers (to prove per-worker sign-in):
 * - `package`: this package against a tiny Express + clerkMiddleware() app and the emulator, which each
 *   worker starts itself (`e2e/support/test.ts`);
 * - `examples`: `examples/*.spec.ts` as a user writes them, against the Express sample app (`apps/express`)
 *   that `examples/support/global-setup.ts` starts with the emulator before the run.
 */
export default defineConfig({
  globalSetup: './examples/support/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    headless: true,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  projects: [
    { name: 'package', testDir: './e2e', testIgnore: 'nested/**' },
    {
      name: 'examples',
      testDir: './examples',
      // Set by the global setup; workers load this file after it ran.
      use: process.env.EXAMPLE_APP_URL ? { baseURL: process.env.EXAMPLE_APP_URL } : {},
    },
  ],
})
