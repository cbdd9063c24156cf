import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../src/types.js'
import { launchChromium, openClerkJsPage, startTlsEmulator } from './support/clerk-js-page.js'

// Real clerk-js 6.40.0 + @clerk/ui 1.34.0 in Chromium (run under `flock /tmp/agent-tasks-heavy.lock`).
describe('clerk-js loads against the emulator', () => {
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

  it('Clerk.load() is ready, <SignIn/> renders, and the console stays clean', async () => {
    const app = await openClerkJsPage(browser, emulator)
    try {
      await app.page.getByText('Sign in to agent-tasks emulator').waitFor({ timeout: 15_000 })
      await app.page.locator('input[name="identifier"]').waitFor()
      const state = await app.page.evaluate(() => {
        const clerk = (window as unknown as { Clerk: { loaded: boolean; status: string; user: unknown } }).Clerk
        return { loaded: clerk.loaded, status: clerk.status, user: clerk.user ?? null }
      })
      expect(state).toEqual({ loaded: true, status: 'ready', user: null })
      expect(app.problems).toEqual([])
      const calls = emulator.state.requests().map((r) => `${r.method} ${r.path} ${r.status}`)
      expect(calls).toContain('POST /v1/environment 200')
      expect(calls).toContain('GET /v1/client 200')
    } finally {
      await app.close()
    }
  }, 60_000)
})
