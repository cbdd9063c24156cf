// Clerk's "Use with Playwright" example (docs: Agent Tasks), rewritten with @agent-tasks/playwright.
// The original mints a link in every test with createClerkClient() and a hard-coded user id, visits
// it, and leaves the session alive. Here the worker signs in once, every test's `page` starts signed
// in, and teardown ends the session. CLERK_SECRET_KEY (and CLERK_API_URL) come from the environment,
// the app's address from `use.baseURL` in playwright.config.ts.
import { expect, test } from '@agent-tasks/playwright'

test.use({ agentTasks: { user: { identifier: 'ada@example.com' }, redirectUrl: '/dashboard' } })

test('authenticated user flow', async ({ page }) => {
  await page.goto('/dashboard')
  await expect(page.locator('header')).toContainText('Welcome')
})

test('what the agent will see when its link lands on /dashboard', async ({ signInAs }) => {
  const agent = await signInAs({ identifier: 'ada@example.com' }, { redirectUrl: '/dashboard' })
  await expect(agent.page).toHaveURL(/\/dashboard$/)
  await expect(agent.page.getByTestId('agent-session')).toBeVisible()
  // The app's user menu: Clerk's <UserButton />, mounted once clerk-js has loaded the agent's session.
  await expect(agent.page.getByRole('button', { name: /open user (button|menu)/i })).toBeVisible()
})
