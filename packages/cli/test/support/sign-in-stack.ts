import { type Emulator, type EmulatorOptions, startEmulator } from '@agent-tasks/emulator'
import { type Browser, chromium } from 'playwright-core'
// The smallest real Clerk app (Express + clerkMiddleware() on the emulator), as @agent-tasks/playwright's e2e starts it.
import { startTestApp, type TestApp } from '../../../playwright/e2e/support/app.js'

/** What a sign-in through a link is tested against: the Clerk emulator with Ada, a real Clerk app, Chromium. */
export interface SignInStack {
  clerk: Emulator
  app: TestApp
  browser: Browser
  /** Ada's user ID. */
  ada: string
  close(): Promise<void>
}

export async function startSignInStack(options: Pick<EmulatorOptions, 'sessionTokenTtlSeconds'> = {}): Promise<SignInStack> {
  const clerk = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada', username: 'ada' }], rateLimit: false, ...options })
  const app = await startTestApp(clerk)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  })
  return {
    clerk,
    app,
    browser,
    ada: clerk.users.findByEmail('ada@example.com')?.id ?? '',
    async close() {
      await browser.close()
      await app.close()
      await clerk.close()
    },
  }
}
