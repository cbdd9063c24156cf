import { expect } from '@playwright/test'
import { sampleAppTest } from '../../src/index.ts'
import { signInAsPerson, signOutThroughUserButton } from '../../src/person-sign-in.ts'
import { app } from './app.ts'

const test = sampleAppTest(app)

test('a person signs in with Clerk’s <SignIn />, sees <UserButton /> with the avatar on every page and signs out, with no console error (the CSP allows Clerk)', async ({ page, stack }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await signInAsPerson(page, stack.app.url)
  const avatar = page.locator('header #clerk-user-button img')
  await expect(avatar).toHaveJSProperty('complete', true)
  expect(await avatar.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  await page.goto(`${stack.app.url}/billing`)
  await expect(page.locator('header #clerk-user-button button')).toBeVisible()
  await signOutThroughUserButton(page)
  await expect(page.getByTestId('auth-status')).toHaveText('Signed out')
  expect(errors).toEqual([])
})
