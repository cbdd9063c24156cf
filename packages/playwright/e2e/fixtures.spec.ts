import { expect, test } from './support/test.js'

test.describe('the worker sign-in', () => {
  test('page starts signed in as the configured user, in an agent session', async ({ page, stack, agentTaskSession }) => {
    await page.goto('/')
    await expect(page.getByTestId('user')).toHaveText(stack.ada.id)
    await expect(page.getByTestId('session')).toHaveText(agentTaskSession.sessionId)
    await expect(page.getByTestId('actor')).toHaveText('agent')
    expect(agentTaskSession).toMatchObject({ userId: stack.ada.id, createdUser: false, landedUrl: `${stack.app.url}/dashboard` })
    const task = stack.emulator.state.agentTasks().find((t) => t.id === agentTaskSession.agentTaskId)
    expect(task).toMatchObject({
      status: 'used',
      userId: stack.ada.id,
      sessionId: agentTaskSession.sessionId,
      agentName: 'playwright',
      permissions: '*',
      sessionMaxDurationInSeconds: 3600,
      redirectUrl: `${stack.app.url}/dashboard`,
    })
  })

  test('every test gets a fresh context from the same signed-in state', async ({ page, context, agentTaskSession }) => {
    await page.goto('/dashboard')
    await expect(page.getByTestId('session')).toHaveText(agentTaskSession.sessionId)
    // This test's context is its own: clearing its cookies signs only this test out.
    await context.clearCookies()
    await page.goto('/dashboard')
    await expect(page.getByTestId('user')).toHaveText('signed out')
  })

  test('the next test is signed in again (the previous test changed only its own context)', async ({ page, agentTaskSession }) => {
    await page.goto('/')
    await expect(page.getByTestId('session')).toHaveText(agentTaskSession.sessionId)
  })
})

test.describe('opting out', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('an explicit storageState gives a signed-out page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('user')).toHaveText('signed out')
  })
})
