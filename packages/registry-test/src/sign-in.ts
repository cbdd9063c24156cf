import { redactCredentials } from '@agent-tasks/core'
import { createClerkClient } from '@clerk/backend'
import { chromiumTrustArgs } from '@agent-tasks/emulator'
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
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']

/** The password `agent-tasks-emulator run` gives the user it seeds (its README and start-up line say so). */
const RUN_USER_PASSWORD = 'agent-tasks-demo'

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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
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

/**
 * A person signs in as the README says: the home page's "Sign in", Clerk's `<SignIn />` on the app's
 * `/sign-in` (email address, then the password `run` seeded), landing on the `/dashboard` that greets
 * them. A browser that trusts nothing of the emulator's (Clerk's scripts and calls must all work over the
 * plain http the app's environment names), unless `trustEmulatorCa`: it then trusts the emulator's local CA,
 * as the README of an app that needs it says to. Resolves to the header's text; console errors fail it.
 */
export async function personSignIn(appUrl: string, identifier: string, options: { trustEmulatorCa?: boolean } = {}): Promise<string> {
  const args = options.trustEmulatorCa ? [...CHROMIUM_ARGS, ...(await chromiumTrustArgs())] : CHROMIUM_ARGS
  const browser = await chromium.launch({ executablePath: CHROMIUM, args })
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(appUrl)
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('Email address').fill(identifier, { timeout: 60_000 })
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await page.getByLabel('Password', { exact: true }).fill(RUN_USER_PASSWORD)
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: 60_000 })
    const header = page.locator('header')
    await header.filter({ hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 })
    if (errors.length > 0) throw new Error(`the browser console logged errors: ${errors.join(' | ')}`)
    return ((await header.first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
  } finally {
    await browser.close()
  }
}
