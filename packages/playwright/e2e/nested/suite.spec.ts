import { expect, test } from '../../src/index.js'

// Each test records which worker it ran in and which session its page had, for the outer test to check.
async function record(page: import('@playwright/test').Page, kind: string) {
  const info = test.info()
  info.annotations.push({
    type: 'signed-in',
    description: JSON.stringify({
      kind,
      workerIndex: info.workerIndex,
      parallelIndex: info.parallelIndex,
      userId: await page.getByTestId('user').textContent(),
      sessionId: await page.getByTestId('session').textContent(),
    }),
  })
}

for (const n of [1, 2, 3, 4, 5, 6]) {
  test(`page is signed in (${n})`, async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('actor')).toHaveText('agent')
    await record(page, 'worker')
  })
}

test('signInAs in the same run', async ({ signInAs, agentTaskSession }) => {
  const extra = await signInAs({ userId: agentTaskSession.userId }, { redirectUrl: '/' })
  await expect(extra.page.getByTestId('actor')).toHaveText('agent')
  await record(extra.page, 'signInAs')
})
