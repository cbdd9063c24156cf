import { expect, type Page } from '@playwright/test'

/** Ada's password: what `agent-tasks-emulator run` seeds her with, and what the stack gives her. */
export const ADA_PASSWORD = 'agent-tasks-demo'

/**
 * A person signs in from the app's home page: its "Sign in" link, then Clerk's `<SignIn />` on the app's
 * `/sign-in` page (email address, then password).
 */
export async function signInAsPerson(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl)
  await page.getByRole('link', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/sign-in`))
  await page.getByLabel('Email address').fill('ada@example.com')
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  await page.getByLabel('Password', { exact: true }).fill(ADA_PASSWORD)
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  await expect(page).toHaveURL(`${appUrl}/dashboard`)
  await expect(page.locator('header')).toContainText('Welcome, Ada')
  await expect(page.getByTestId('agent-session')).toHaveCount(0)
}

/**
 * Signs out through Clerk's `<UserButton />` menu. @clerk/ui 1.x opens a dialog "Account panel" whose
 * "Account actions" are buttons (not menu items); scoped to it, an app's own "Sign out" button never matches.
 */
export async function signOutThroughUserButton(page: Page): Promise<void> {
  await page.getByRole('button', { name: /open user (button|menu)/i }).click()
  await page.getByRole('dialog', { name: 'Account panel' }).getByRole('button', { name: 'Sign out' }).click()
}
