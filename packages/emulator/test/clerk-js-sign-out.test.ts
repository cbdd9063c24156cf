import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../src/types.js'
import { clerkLoaded, launchChromium, openClerkJsPage, signInWithPassword, startTlsEmulator } from './support/clerk-js-page.js'

type ClerkWindow = {
  Clerk: { user?: { getSessions(): Promise<Array<{ id: string; status: string }>> } | null; session?: { id: string } | null }
}

// Real clerk-js + <UserButton/> in Chromium (run under `flock /tmp/agent-tasks-heavy.lock`).
describe('<UserButton/>: session list and sign-out', () => {
  let emulator: Emulator
  let browser: Browser
  beforeAll(async () => {
    emulator = await startTlsEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada', password: 'correct horse battery' }] })
    browser = await launchChromium(emulator)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await emulator?.close()
  })

  it('lists the active session, then "Sign out" ends it and clerk-js is signed out', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      const { page } = app
      await signInWithPassword(page, 'ada@example.com', 'correct horse battery')
      const listed = await page.evaluate(async () => {
        const clerk = (window as unknown as ClerkWindow).Clerk
        const sessions = (await clerk.user?.getSessions()) ?? []
        return { current: clerk.session?.id, sessions: sessions.map((s) => ({ id: s.id, status: s.status })) }
      })
      expect(listed.sessions).toEqual([{ id: listed.current, status: 'active' }])
      expect(emulator.state.requests().some((r) => r.path === '/v1/me/sessions/active' && r.status === 200)).toBe(true)

      await page.locator('.cl-userButtonTrigger').click()
      await page.locator('.cl-userButtonPopoverActionButton__signOut').click()
      await page.locator('input[name="identifier"]').waitFor({ timeout: 15_000 })
      await clerkLoaded(page)
      expect(await page.evaluate(() => (window as unknown as ClerkWindow).Clerk.user ?? null)).toBeNull()
      expect(emulator.state.sessions().find((s) => s.id === listed.current)?.status).toBe('removed')
      expect(Number((await app.appCookies()).__client_uat ?? '0')).toBe(0)
      expect(app.problems).toEqual([])
    } finally {
      await app.close()
    }
  }, 60_000)
})
