import { listAgentSessions } from '@agent-tasks/core'
import { createClerkClient } from '@clerk/backend'
import { expect, test } from '../../src/index.js'

// Every test starts from the saved state, in whichever worker it runs; each records the session its
// page has and checks that Clerk lists it as an agent session of the user, as it lists a worker's.
for (const n of [1, 2, 3, 4]) {
  test(`page starts from the saved state (${n})`, async ({ page }) => {
    await page.goto('/dashboard')
    await expect(page.getByTestId('actor')).toHaveText('agent')
    const userId = (await page.getByTestId('user').textContent()) ?? ''
    const sessionId = (await page.getByTestId('session').textContent()) ?? ''
    const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY ?? '', apiUrl: process.env.CLERK_API_URL ?? '' })
    const listed = (await listAgentSessions(clerk, userId)).find((session) => session.id === sessionId)
    expect(listed?.actor).toMatchObject({ type: 'agent', task_id: expect.stringMatching(/^agt_/) })
    const info = test.info()
    info.annotations.push({
      type: 'signed-in',
      description: JSON.stringify({ workerIndex: info.workerIndex, userId, sessionId, agentTaskId: listed?.actor?.task_id }),
    })
  })
}
