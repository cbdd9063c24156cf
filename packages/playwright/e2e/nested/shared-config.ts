import type { PlaywrightTestConfig } from '@playwright/test'

/** What both nested suites share: the run's output folder and app from the parent test, and Debian's chromium. */
export const nestedRun = {
  ...(process.env.NESTED_OUTPUT_DIR ? { outputDir: process.env.NESTED_OUTPUT_DIR } : {}),
  retries: 0,
  timeout: 30_000,
} satisfies PlaywrightTestConfig

export const nestedUse = {
  ...(process.env.NESTED_APP_URL ? { baseURL: process.env.NESTED_APP_URL } : {}),
  headless: true,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  },
} satisfies PlaywrightTestConfig['use']
