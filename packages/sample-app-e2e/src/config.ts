import { chromiumTrustArgs } from '@agent-tasks/emulator'
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test'

const trustArgs = await chromiumTrustArgs()

/**
 * Playwright settings of the sample apps' e2e run: Debian's chromium (Playwright's own browser download
 * cannot be fetched here; `CHROMIUM_PATH` overrides), one worker (each one starts an emulator and an app
 * of its own; every app's suite in a row takes about 4 minutes on 2 cores), specs under `./apps`.
 */
export function sampleAppPlaywrightConfig(overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  return defineConfig({
    testDir: './apps',
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: 30_000,
    reporter: [['list']],
    ...overrides,
    use: {
      headless: true,
      trace: 'off',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        // The emulator's https (for an SDK that loads clerk-js from `https://<pk host>` despite CLERK_JS_URL):
        // trusted through its local CA's key, and nothing else.
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', ...trustArgs],
      },
      ...overrides.use,
    },
  })
}
