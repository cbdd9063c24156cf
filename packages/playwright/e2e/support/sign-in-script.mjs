// A plain Node script that signs in with signInWithAgentTask(), as a user's own script would, for
// e2e/script-interrupt.spec.ts to interrupt. It imports the built package by its name (run `build` first).
// Environment: CLERK_SECRET_KEY, CLERK_API_URL, APP_URL.
import { signInWithAgentTask } from '@agent-tasks/playwright'
import { chromium } from '@playwright/test'

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  // Playwright's own handlers would end the process as soon as the browser is closed, before the sign-in
  // could end what it minted (see the README).
  handleSIGINT: false,
  handleSIGTERM: false,
})
try {
  process.stdout.write('launched\n')
  const agent = await signInWithAgentTask(browser, {
    user: { identifier: 'ada@example.com' },
    redirectUrl: `${process.env.APP_URL}/dashboard?delay=2000`,
  })
  process.stdout.write('signed in\n')
  await agent.dispose()
} finally {
  await browser.close()
}
