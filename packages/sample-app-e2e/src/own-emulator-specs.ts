import { expect, test } from '@playwright/test'
import type { SampleAppSpecOptions } from './specs.ts'
import { signInAsPerson } from './person-sign-in.ts'
import { freePort, startApp } from './start-app.ts'

/**
 * The app as a user first starts it: its start script with no Clerk settings anywhere, so
 * `agent-tasks-emulator run` starts an emulator of its own (on a free port here, through
 * `AGENT_TASKS_EMULATOR_PORT`, instead of its fixed 4010). Call it from `apps/<name>/own-emulator.spec.ts`.
 */
export function defineOwnEmulatorSpecs(options: SampleAppSpecOptions): void {
  test.describe(`${options.name} sample app with no Clerk keys`, () => {
    test('starts on an emulator of its own, where a person signs in, mints a link, and the link signs an agent in', async ({ page, browser }) => {
      const emulatorPort = await freePort()
      const app = await startApp({ ...options, env: { AGENT_TASKS_EMULATOR_PORT: String(emulatorPort) } })
      try {
        expect(app.output()).toContain(`emulator on http://127.0.0.1:${emulatorPort}`)
        await page.goto(app.url)
        await expect(page.getByTestId('auth-status')).toHaveText('Signed out')
        // Ada, with the password `run` seeds her with.
        await signInAsPerson(page, app.url)

        await page.getByLabel('What should the agent do?').fill('Look around the dashboard')
        await page.getByRole('button', { name: 'Create link' }).click()
        const url = await page.locator('.link-item .url').first().inputValue()
        expect(url).toMatch(/ticket=/)
        const agent = await browser.newContext()
        const agentPage = await agent.newPage()
        await agentPage.goto(url)
        await expect(agentPage).toHaveURL(`${app.url}/dashboard`)
        await expect(agentPage.getByTestId('agent-session')).toBeVisible()
        await agent.close()
        expect(app.output()).not.toMatch(/ticket=/)
      } finally {
        await app.stop()
      }
    })
  })
}
