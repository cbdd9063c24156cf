import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'
import { clerkFor } from './helpers.js'

// Run under `flock /tmp/agent-tasks-heavy.lock` like every Chromium run on this machine.
let browser: Browser
let emulator: Emulator

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true })
  emulator = await startEmulator({ rateLimit: false, users: [{ email: 'ada@example.com', firstName: '<script>alert(1)</script>' }] })
}, 30_000)
afterAll(async () => {
  await browser?.close()
  await emulator?.close()
})

describe('inspector in Chromium', () => {
  it('admin link → page with a clean console; Revoke and End work from the real forms', async () => {
    const task = await clerkFor(emulator).agentTasks.create({
      onBehalfOf: { identifier: 'ada@example.com' },
      permissions: '*',
      agentName: 'bot',
      taskDescription: 'x',
      redirectUrl: 'http://127.0.0.1:9/after',
    })
    const { sessionId } = await emulator.signIn(emulator.users.list()[0]?.id ?? '')
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    let dialogs = 0
    page.on('dialog', (dialog) => {
      dialogs++
      void dialog.dismiss()
    })

    const link = emulator.createAdminLink()
    await page.goto(link)
    expect(new URL(page.url()).pathname).toBe('/_emulator/')
    expect(await page.locator('h1').textContent()).toBe('Clerk emulator inspector')
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ name: '__emulator_admin', httpOnly: true, sameSite: 'Strict', path: '/_emulator' })

    await page.locator(`form[action="/_emulator/agent-tasks/${task.agentTaskId}/revoke"] button`).click()
    await page.waitForURL(/done=revoked/)
    expect(await page.getByRole('status').textContent()).toContain('The agent task was revoked')
    expect(emulator.state.agentTasks().find((t) => t.id === task.agentTaskId)?.status).toBe('revoked')

    await page.locator(`form[action="/_emulator/sessions/${sessionId}/end"] button`).click()
    await page.waitForURL(/done=ended/)
    expect((await clerkFor(emulator).sessions.getSession(sessionId)).status).toBe('revoked')

    // The user named <script> is text on the page, never run.
    expect(await page.getByText('<script>alert(1)</script>').first().isVisible()).toBe(true)
    expect(dialogs).toBe(0)
    expect(problems).toEqual([])

    // The link worked once: another browser gets the refusal.
    const other = await browser.newContext()
    const second = await other.newPage()
    const response = await second.goto(link)
    expect(response?.status()).toBe(401)
    await other.close()
    await context.close()
  }, 30_000)
})
