import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../src/types.js'
import { clerkLoaded, launchChromium, openClerkJsPage, signInWithPassword, startTlsEmulator } from './support/clerk-js-page.js'

type ClerkWindow = { Clerk: { user?: { id: string } | null } }

// Real clerk-js + <SignIn/> in Chromium (run under `flock /tmp/agent-tasks-heavy.lock`).
describe('<SignIn/> by email code, and token refresh from the browser', () => {
  let emulator: Emulator
  let browser: Browser
  beforeAll(async () => {
    emulator = await startTlsEmulator({
      users: [{ email: 'ada@example.com', firstName: 'Ada', password: 'correct horse battery' }],
      sessionTokenTtlSeconds: 15,
    })
    browser = await launchChromium(emulator)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await emulator?.close()
  })

  it('signs in with the 6-digit code the emulator shows (state.emailCodes() and /email-codes), never sent', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      const { page } = app
      await page.locator('input[name="identifier"]').fill('ada@example.com')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      await page.getByRole('link', { name: 'Use another method' }).click()
      await page.getByRole('button', { name: /Email code to/ }).click()
      await expect.poll(() => emulator.state.emailCodes().length, { timeout: 10_000 }).toBe(1)
      const [code] = emulator.state.emailCodes()
      expect(code).toMatchObject({ email: 'ada@example.com', code: expect.stringMatching(/^\d{6}$/) })
      const listed = await (await fetch(`${emulator.url}/email-codes`)).text()
      expect(listed).toContain(code?.code)
      await page.getByRole('textbox').first().click()
      await page.keyboard.type(code?.code ?? '')
      await page.waitForURL('**/signed-in', { timeout: 15_000 })
      await clerkLoaded(page)
      const userId = await page.evaluate(() => (window as unknown as ClerkWindow).Clerk.user?.id)
      expect(userId).toBe(emulator.users.findByEmail('ada@example.com')?.id)
      expect(emulator.state.emailCodes()).toEqual([])
    } finally {
      await app.close()
    }
  }, 60_000)

  it('clerk-js refreshes the session token from /tokens before it expires', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      await signInWithPassword(app.page, 'ada@example.com', 'correct horse battery')
      await expect.poll(async () => (await app.appCookies()).__session, { timeout: 10_000 }).toBeTruthy()
      const first = (await app.appCookies()).__session
      const tokenCalls = () => emulator.state.requests().filter((r) => r.path.endsWith('/tokens') && r.status === 200).length
      const before = tokenCalls()
      await expect.poll(tokenCalls, { timeout: 25_000, interval: 500 }).toBeGreaterThan(before)
      await expect.poll(async () => (await app.appCookies()).__session, { timeout: 5_000 }).not.toBe(first)
      expect(app.problems).toEqual([])
    } finally {
      await app.close()
    }
  }, 60_000)
})
