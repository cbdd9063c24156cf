import { expect } from '@playwright/test'
import { signInAsPerson, signOutThroughUserButton } from './person-sign-in.ts'
import type { SampleAppSpecOptions } from './specs.ts'
import { sampleAppTest } from './stack.ts'

/**
 * For the apps that load clerk-js by script tag and mount `<UserButton />` into `#clerk-user-button`
 * (Express, Fastify): their own Content-Security-Policy must let Clerk's UI, its styles and the avatar in.
 */
export function defineScriptTagClerkUiSpecs(options: SampleAppSpecOptions): void {
  const test = sampleAppTest(options)

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
}
