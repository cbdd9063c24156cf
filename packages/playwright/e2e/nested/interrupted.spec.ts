import { expect, test } from '../../src/index.js'

// Run by e2e/interrupt.spec.ts and interrupted on purpose: long enough that every worker is still busy
// when the first test has passed.
test('signInAs while the run is interrupted', async ({ signInAs }) => {
  const extra = await signInAs({ identifier: 'grace@example.com' }, { redirectUrl: '/?delay=1500' })
  await expect(extra.page.getByTestId('actor')).toHaveText('agent')
})

for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`page is signed in (${n})`, async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('actor')).toHaveText('agent')
    await page.waitForTimeout(1500)
  })
}
