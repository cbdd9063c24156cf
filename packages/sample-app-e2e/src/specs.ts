import { expect, type Page } from '@playwright/test'
import { signInAsPerson, signOutThroughUserButton } from './person-sign-in.ts'
import { type SampleAppLaunch, sampleAppTest } from './stack.ts'

const TOKEN_TTL_SECONDS = 2
/** Clerk's SDKs accept a token up to 5 s past its expiry (clock skew). */
const CLOCK_SKEW_SECONDS = 5

/** Once its session token is due for renewal, the ended session's browser lands signed out. */
async function expectSignedOutOnNextNavigation(page: Page, appUrl: string): Promise<void> {
  await page.waitForTimeout((TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS + 1) * 1000)
  await page.goto(`${appUrl}/dashboard`)
  await expect(page).toHaveURL(`${appUrl}/`)
}

export interface SampleAppSpecOptions extends SampleAppLaunch {
  /** The framework, for test titles: "Express", "Fastify", "Next.js". */
  name: string
}

/**
 * The browser behaviour every sample app must show, run against the app's own start command and the
 * emulator in Chromium. Call it from `e2e/sample-app.spec.ts` in the app.
 */
export function defineSampleAppSpecs(options: SampleAppSpecOptions): void {
  const test = sampleAppTest(options)

  test.describe(`${options.name} sample app: agent-task links in a real browser`, () => {
    test('a fresh browser sees the signed-out home page', async ({ page, stack }) => {
      await page.goto(stack.app.url)
      await expect(page.getByTestId('auth-status')).toHaveText('Signed out')
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page).toHaveURL(`${stack.app.url}/`)
    })

    test('a fresh link lands on the dashboard signed in, as an agent session', async ({ page, stack }) => {
      const link = await stack.mintLink()
      await page.goto(link.url)
      await expect(page).toHaveURL(`${stack.app.url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      await expect(page.getByTestId('agent-session')).toBeVisible()
      await page.reload()
      await expect(page.locator('header')).toContainText('Welcome, Ada')
    })

    test('the same link a second time fails', async ({ browser, stack }) => {
      const link = await stack.mintLink()
      const first = await browser.newContext()
      await (await first.newPage()).goto(link.url)
      await first.close()

      const second = await browser.newContext()
      const page = await second.newPage()
      const response = await page.goto(link.url)
      expect(response?.status()).toBe(400)
      expect(page.url()).not.toContain('/dashboard')
      await expect(page.locator('body')).toContainText(/already.used/i)
      await second.close()
    })

    test('a revoked link fails', async ({ page, stack }) => {
      const link = await stack.mintLink()
      expect(await stack.revokeLink(link.agentTaskId)).toBe(200)
      const response = await page.goto(link.url)
      expect(response?.status()).toBe(400)
      await expect(page.locator('body')).toContainText(/revoked/i)
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page).toHaveURL(`${stack.app.url}/`)
    })

    test('the agent-access panel mints, copies and revokes a link through the browser', async ({ page, browser, stack }) => {
      await signInAsPerson(page, stack.app.url)

      await page.getByLabel('What should the agent do?').fill('Download the March invoice')
      await page.getByLabel('Session length').selectOption('300')
      await page.getByRole('button', { name: 'Create link' }).click()
      const item = page.locator('.link-item').first()
      await expect(item.locator('.description')).toHaveText('Download the March invoice')
      const url = await item.locator('.url').inputValue()
      expect(url).toMatch(/ticket=/)
      const agentTaskId = await item.getAttribute('data-agent-task-id')
      const minted = stack.emulator.state.agentTasks().find((t) => t.id === agentTaskId)
      expect(minted).toMatchObject({ userId: stack.ada.id, sessionMaxDurationInSeconds: 300, status: 'pending' })

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.app.url })
      await item.getByRole('button', { name: 'Copy' }).click()
      await expect(item.locator('.state')).toHaveText('Copied')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)

      await item.getByRole('button', { name: 'Revoke' }).click()
      await expect(item.locator('.state')).toHaveText('Revoked')
      expect(stack.emulator.state.agentTasks().find((t) => t.id === agentTaskId)?.status).toBe('revoked')

      const agentBrowser = await browser.newContext()
      const response = await (await agentBrowser.newPage()).goto(url)
      expect(response?.status()).toBe(400)
      await agentBrowser.close()
    })

    test('an agent session cannot mint more links from the panel', async ({ page, stack }) => {
      const link = await stack.mintLink()
      await page.goto(link.url)
      await expect(page.getByTestId('agent-session')).toBeVisible()
      await page.getByRole('button', { name: 'Create link' }).click()
      // Filtered: Next.js adds its own (empty) role="alert" route announcer to every page.
      await expect(page.getByRole('alert').filter({ hasText: /agent/i })).toBeVisible()
      await expect(page.locator('.link-item')).toHaveCount(0)
    })

    test('a person signs out through Clerk’s <UserButton />', async ({ page, stack }) => {
      await signInAsPerson(page, stack.app.url)
      await signOutThroughUserButton(page)
      await expect(page.getByTestId('auth-status')).toHaveText('Signed out')
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page).toHaveURL(`${stack.app.url}/`)
    })

    test('an agent session cannot sign out through Clerk (restricted, as Clerk restricts it) and stays signed in', async ({ page, stack }) => {
      const link = await stack.mintLink()
      await page.goto(link.url)
      await expect(page.getByTestId('agent-session')).toBeVisible()
      // Before Clerk.load() has finished, signOut() has no client to sign out of and just resolves.
      await page.waitForFunction(() => (window as unknown as { Clerk?: { loaded?: boolean } }).Clerk?.loaded === true)
      const outcome = await page.evaluate(async () => {
        const clerk = (window as unknown as { Clerk: { signOut(): Promise<void> } }).Clerk
        try {
          await clerk.signOut()
          return 'signed out'
        } catch (error) {
          return (error as { errors?: Array<{ code?: string }> }).errors?.[0]?.code ?? String(error)
        }
      })
      expect(outcome).toBe('agent_session_restricted')
      const session = stack.emulator.state.sessions().find((s) => s.agentTaskId === link.agentTaskId)
      expect(session?.status).toBe('active')
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
    })

    test('@agent-tasks/playwright signs a test in as Ada and ends the session after', async ({ signInAs, stack }) => {
      const signedIn = await signInAs({ identifier: 'ada@example.com' })
      await expect(signedIn.page).toHaveURL(`${stack.app.url}/dashboard`)
      await expect(signedIn.page.locator('header')).toContainText('Welcome, Ada')
      await expect(signedIn.page.getByTestId('agent-session')).toBeVisible()
      const session = () => stack.emulator.state.sessions().find((s) => s.id === signedIn.sessionId)
      expect(session()).toMatchObject({ userId: stack.ada.id, status: 'active' })
      await signedIn.dispose()
      expect(session()?.status).not.toBe('active')
    })

    test('the pages log no errors in the browser console (offline: nothing loads from Clerk’s CDN)', async ({ page, stack }) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(stack.app.url)
      const link = await stack.mintLink()
      await page.goto(link.url)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      await expect(page.getByRole('button', { name: 'Create link' })).toBeEnabled()
      await page.reload()
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      // clerk-js, Clerk's UI and the <UserButton />'s avatar load after the page: wait for all of them.
      await expect(page.getByRole('button', { name: /open user (button|menu)/i })).toBeVisible()
      await page.waitForLoadState('networkidle')
      expect(errors).toEqual([])
    })

    test('the app never printed a link', async ({ stack }) => {
      const minted = await stack.mintLink()
      const printed = stack.app.output()
      expect(printed).not.toContain(minted.url)
      expect(printed).not.toMatch(/ticket=/)
      expect(printed).not.toContain(stack.emulator.secretKey)
    })
  })
}

/**
 * The ledger and the kill switch in the sample app's agent-access panel. Its own spec file
 * (`e2e/kill-switch.spec.ts`): its stack gives session tokens a lifetime of seconds (Clerk's are 60 s),
 * so a browser whose session was ended is signed out on its next navigation within the test.
 */
export function defineKillSwitchSpecs(options: SampleAppSpecOptions): void {
  const test = sampleAppTest(options)
  test.use({ stackOptions: { sessionTokenTtlSeconds: TOKEN_TTL_SECONDS } })

  test.describe(`${options.name} sample app: the ledger and the kill switch`, () => {


  test('the panel lists my links, and ending an agent’s access signs its browser out on its next navigation', async ({ page, browser, stack }) => {
    await signInAsPerson(page, stack.app.url)
    await page.getByLabel('What should the agent do?').fill('Reconcile the invoices')
    await page.getByRole('button', { name: 'Create link' }).click()
    const item = page.locator('.link-item').first()
    await expect(item.locator('.description')).toHaveText('Reconcile the invoices')
    const url = await item.locator('.url').inputValue()
    const agentTaskId = (await item.getAttribute('data-agent-task-id')) as string
    const row = page.getByRole('table', { name: 'My agent links' }).locator(`tr[data-agent-task-id="${agentTaskId}"]`)
    await expect(row.locator('.link-status')).toHaveText('Pending')
    await expect(row.locator('.task')).toHaveText('Reconcile the invoices')

    // The agent opens the link in a browser of its own.
    const agent = await browser.newContext()
    const agentPage = await agent.newPage()
    await agentPage.goto(url)
    await expect(agentPage.getByTestId('agent-session')).toBeVisible()

    await page.reload()
    await expect(row.locator('.link-status')).toHaveText('Used')
    await expect(row.locator('.link-session')).toHaveText('Active')
    await row.getByRole('button', { name: 'End access' }).click()
    await expect(row.locator('.link-session')).toHaveText('Ended')
    const agentSession = stack.emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)
    expect(agentSession?.status).toBe('revoked')
    await expectSignedOutOnNextNavigation(agentPage, stack.app.url)
    await agent.close()
  })

  test('a person stays signed in past the session token’s lifetime: the next navigation refreshes it through the emulator', async ({ page, stack }) => {
    await signInAsPerson(page, stack.app.url)
    await page.waitForTimeout((TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS + 1) * 1000)
    await page.goto(`${stack.app.url}/dashboard`)
    await expect(page).toHaveURL(`${stack.app.url}/dashboard`)
    await expect(page.locator('header')).toContainText('Welcome, Ada')
  })

  test('“End all agent access” revokes unused links and signs every agent out', async ({ page, browser, stack }) => {
    const unused = await stack.mintLink({ taskDescription: 'left unused' })
    const used = await stack.mintLink({ taskDescription: 'in use' })
    const agent = await browser.newContext()
    const agentPage = await agent.newPage()
    await agentPage.goto(used.url)
    await expect(agentPage.getByTestId('agent-session')).toBeVisible()

    await signInAsPerson(page, stack.app.url)
    await page.getByRole('button', { name: 'End all agent access' }).click()
    await expect(page.locator('#ledger-status')).toContainText(/Revoked [1-9]\d* unused link\(s\), ended [1-9]\d* agent session\(s\)/)
    const table = page.getByRole('table', { name: 'My agent links' })
    await expect(table.locator(`tr[data-agent-task-id="${unused.agentTaskId}"] .link-status`)).toHaveText('Revoked')
    await expect(table.locator(`tr[data-agent-task-id="${used.agentTaskId}"] .link-session`)).toHaveText('Ended')
    expect((await fetch(unused.url, { redirect: 'manual' })).status).toBe(400)
    await expectSignedOutOnNextNavigation(agentPage, stack.app.url)
    await agent.close()
  })
  })
}
