import { redactCredentials } from '@agent-tasks/core'
import { createClerkClient } from '@clerk/backend'
import { chromium } from 'playwright-core'

export interface SeedSignIn {
  /** The Clerk (emulator) the app runs on. */
  secretKey: string
  apiUrl: string
  /** The app, e.g. `http://127.0.0.1:41000`. */
  appUrl: string
  /** The seeded user's email address. */
  identifier: string
}

/** Chromium: Debian's (CHROMIUM_PATH overrides); Playwright's own browser download cannot be fetched here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Clerk's seed guide for Playwright, as written: mint an agent-task link with `@clerk/backend`, open it in
 * the browser, and the `/dashboard` it lands on greets the user in its `<header>`. Resolves to that text.
 */
export async function seedGuideSignIn(input: SeedSignIn): Promise<string> {
  const clerk = createClerkClient({ secretKey: input.secretKey, apiUrl: input.apiUrl })
  const task = await clerk.agentTasks.create({
    onBehalfOf: { identifier: input.identifier },
    permissions: '*',
    agentName: 'registry-test',
    taskDescription: 'The seed guide, against a template installed from the registry',
    redirectUrl: `${input.appUrl}/dashboard`,
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(task.url)
    await page.waitForURL((url) => url.origin === new URL(input.appUrl).origin && url.pathname === '/dashboard', { timeout: 60_000 })
    const header = page.locator('header')
    await header.filter({ hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 })
    return ((await header.first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
  } catch (error) {
    // Playwright's errors name the URLs it waited on: the link is a credential, never printed.
    throw new Error(`signing in with the link: ${redactCredentials(error instanceof Error ? error.message : String(error), [task.url])}`)
  } finally {
    await browser.close()
  }
}
