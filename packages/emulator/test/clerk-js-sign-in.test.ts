import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../src/types.js'
import { launchChromium, openClerkJsPage, signInWithPassword, startTlsEmulator } from './support/clerk-js-page.js'

type ClerkWindow = { Clerk: { user?: { id: string; primaryEmailAddress?: { emailAddress: string } } | null; session?: { id: string } | null } }

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

// Real clerk-js + <SignIn/> in Chromium (run under `flock /tmp/agent-tasks-heavy.lock`).
describe('<SignIn/> by email + password', () => {
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

  it('signs Ada in: Clerk.user is Ada, __session (azp = the page) and __client_uat are set on the app', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      const { page } = app
      await signInWithPassword(page, 'ada@example.com', 'correct horse battery')
      const user = await page.evaluate(() => {
        const clerk = (window as unknown as ClerkWindow).Clerk
        return { id: clerk.user?.id, email: clerk.user?.primaryEmailAddress?.emailAddress, session: clerk.session?.id }
      })
      const ada = emulator.users.list().find((u) => u.email === 'ada@example.com')
      expect(user.id).toBe(ada?.id)
      expect(user.email).toBe('ada@example.com')
      const session = emulator.state.sessions().find((s) => s.id === user.session)
      expect(session?.status).toBe('active')
      await expect.poll(async () => (await app.appCookies()).__session, { timeout: 10_000 }).toBeTruthy()
      const cookies = await app.appCookies()
      const claims = jwtPayload(cookies.__session ?? '')
      expect(claims.sub).toBe(ada?.id)
      expect(claims.sid).toBe(user.session)
      expect(claims.azp).toBe(new URL(app.appUrl).origin)
      expect(Number(cookies.__client_uat)).toBeGreaterThan(0)
      expect(app.problems).toEqual([])
    } finally {
      await app.close()
    }
  }, 60_000)

  it('shows Clerk\'s "Password is incorrect" for a wrong password and signs nobody in', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      const { page } = app
      await signInWithPassword(page, 'ada@example.com', 'wrong password!', false)
      const error = page.locator('#error-password')
      await error.waitFor({ timeout: 10_000 })
      expect(await error.textContent()).toBe('Password is incorrect. Try again, or use another method.')
      expect(await page.evaluate(() => (window as unknown as ClerkWindow).Clerk.user ?? null)).toBeNull()
      expect(emulator.state.requests().some((r) => r.path.endsWith('/attempt_first_factor') && r.status === 422)).toBe(true)
    } finally {
      await app.close()
    }
  }, 60_000)
})
