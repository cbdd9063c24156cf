import { clerk, clerkSetup, createAgentTestingTask, setupClerkTestingToken } from '@clerk/testing/playwright'
import { expect } from '@playwright/test'
import { ADA_PASSWORD } from './person-sign-in.ts'
import type { SampleAppSpecOptions } from './specs.ts'
import { type SampleAppStack, sampleAppTest } from './stack.ts'

/** What a suite written for real Clerk sets: the keys and the API URL, here the stack's emulator's. */
async function pointClerkTestingAt(stack: SampleAppStack): Promise<void> {
  process.env.CLERK_PUBLISHABLE_KEY = stack.emulator.publishableKey
  process.env.CLERK_SECRET_KEY = stack.emulator.secretKey
  process.env.CLERK_API_URL = stack.emulator.apiUrl
  delete process.env.CLERK_TESTING_TOKEN
  await clerkSetup({ dotenv: false })
}

/**
 * `@clerk/testing`'s Playwright helpers, unmodified, against the sample app on the emulator: only the
 * environment differs from a suite run against real Clerk. Its own spec file (`clerk-testing.spec.ts`).
 */
export function defineClerkTestingSpecs(options: SampleAppSpecOptions): void {
  const test = sampleAppTest(options)

  test.describe(`${options.name} sample app: Clerk's own testing helpers (@clerk/testing)`, () => {
    test('clerkSetup() and setupClerkTestingToken() wire a page; clerk.signIn() with a password signs Ada in; clerk.signOut() ends it', async ({ page, stack }) => {
      await pointClerkTestingAt(stack)
      expect(process.env.CLERK_TESTING_TOKEN).toMatch(/^\d+-/)
      await setupClerkTestingToken({ page })
      await page.goto(stack.app.url)
      await clerk.signIn({ page, signInParams: { strategy: 'password', identifier: 'ada@example.com', password: ADA_PASSWORD } })
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Ada')
      await expect(page.getByTestId('agent-session')).toHaveCount(0)
      await clerk.signOut({ page })
      // clerk-js may still be navigating to the app's after-sign-out page: check from a page of its own.
      const check = await page.context().newPage()
      await check.goto(`${stack.app.url}/dashboard`)
      await expect(check).toHaveURL(`${stack.app.url}/`)
    })

    test("clerk.signIn() with an email code: a +clerk_test address and Clerk's test code", async ({ page, stack }) => {
      await pointClerkTestingAt(stack)
      stack.emulator.users.create({ email: 'grace+clerk_test@example.com', firstName: 'Grace' })
      await page.goto(stack.app.url)
      await clerk.signIn({ page, signInParams: { strategy: 'email_code', identifier: 'grace+clerk_test@example.com' } })
      await page.goto(`${stack.app.url}/dashboard`)
      await expect(page.locator('header')).toContainText('Welcome, Grace')
    })

    test('createAgentTestingTask() mints a link that signs an agent in as Ada', async ({ page, stack }) => {
      await pointClerkTestingAt(stack)
      const task = await createAgentTestingTask({
        onBehalfOf: { userId: stack.ada.id },
        permissions: '*',
        agentName: 'clerk-testing',
        taskDescription: 'look at the dashboard',
        redirectUrl: `${stack.app.url}/dashboard`,
      })
      await page.goto(task.url)
      await expect(page).toHaveURL(`${stack.app.url}/dashboard`)
      await expect(page.getByTestId('agent-session')).toBeVisible()
    })
  })
}
