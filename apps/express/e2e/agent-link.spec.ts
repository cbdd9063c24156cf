import { expect, test } from './stack.ts'

test.describe('agent-task links in a real browser', () => {
  test('a fresh browser sees the signed-out home page', async ({ page, stack }) => {
    await page.goto(stack.appUrl)
    await expect(page.getByTestId('auth-status')).toHaveText('Signed out')
    await page.goto(`${stack.appUrl}/dashboard`)
    await expect(page).toHaveURL(`${stack.appUrl}/`)
  })

  test('a fresh link lands on the dashboard signed in, as an agent session', async ({ page, stack }) => {
    const link = await stack.mintLink()
    await page.goto(link.url)
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`)
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
    await page.goto(`${stack.appUrl}/dashboard`)
    await expect(page).toHaveURL(`${stack.appUrl}/`)
  })

  test('the agent-access panel mints and revokes a link through the browser', async ({ page, browser, stack }) => {
    // A person signs in (the emulator's hosted sign-in page stands in for Clerk's Account Portal).
    await page.goto(stack.appUrl)
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: /ada@example\.com/ }).click()
    await expect(page).toHaveURL(`${stack.appUrl}/dashboard`)
    await expect(page.locator('header')).toContainText('Welcome, Ada')
    await expect(page.getByTestId('agent-session')).toHaveCount(0)

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
    await expect(page.getByRole('alert')).toContainText(/agent/i)
    await expect(page.locator('.link-item')).toHaveCount(0)
  })
})
