import { defineConfig, type PlaywrightTestConfig } from '@playwright/test'

/**
 * Playwright settings every sample app's e2e run shares: Debian's chromium (Playwright's own browser
 * download cannot be fetched here; `CHROMIUM_PATH` overrides), one worker per app (the app and the
 * emulator are per worker anyway), specs in `./e2e`.
 */
export function sampleAppPlaywrightConfig(overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  return defineConfig({
    testDir: './e2e',
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
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
      ...overrides.use,
    },
  })
}
