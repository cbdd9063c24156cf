import { AgentTaskSignInError } from '../src/index.js'
import { expect, test } from './support/test.js'

test.describe.serial('signInAs', () => {
  let endedAtTeardown: string[] = []

  test('signs a separate context in as another user, by identifier', async ({ page, signInAs, stack }) => {
    const grace = await signInAs({ identifier: 'grace@example.com' })
    expect(grace.userId).toBe(stack.grace.id)
    expect(grace.landedUrl).toBe(`${stack.app.url}/dashboard`)
    await expect(grace.page.getByTestId('user')).toHaveText(stack.grace.id)
    await expect(grace.page.getByTestId('actor')).toHaveText('agent')
    // The worker's page is still Ada: separate contexts.
    await page.goto('/')
    await expect(page.getByTestId('user')).toHaveText(stack.ada.id)
    endedAtTeardown = [grace.sessionId]
  })

  test('…and ended that session when the test finished', async ({ stack }) => {
    expect(endedAtTeardown).toHaveLength(1)
    const sessions = stack.emulator.state.sessions().filter((s) => endedAtTeardown.includes(s.id))
    expect(sessions.map((s) => s.status)).toEqual(['revoked'])
  })

  test('by user id (or username), with per-call link options', async ({ signInAs, stack }) => {
    const byId = await signInAs(
      { userId: stack.grace.id },
      { redirectUrl: '/', taskDescription: 'Check the home page', sessionMaxDurationInSeconds: 600, agentName: 'home-checker' },
    )
    await expect(byId.page).toHaveURL(`${stack.app.url}/`)
    await expect(byId.page.getByRole('heading')).toHaveText('Home')
    expect(stack.emulator.state.agentTasks().find((t) => t.id === byId.agentTaskId)).toMatchObject({
      taskDescription: 'Check the home page',
      sessionMaxDurationInSeconds: 600,
      agentName: 'home-checker',
      redirectUrl: `${stack.app.url}/`,
    })
    const byUsername = await signInAs({ identifier: 'grace' })
    expect(byUsername.userId).toBe(stack.grace.id)
    expect(byUsername.sessionId).not.toBe(byId.sessionId)
    endedAtTeardown = [byId.sessionId, byUsername.sessionId]
  })

  test('…and ended both sessions when the test finished', async ({ stack }) => {
    const sessions = stack.emulator.state.sessions().filter((s) => endedAtTeardown.includes(s.id))
    expect(sessions.map((s) => s.status)).toEqual(['revoked', 'revoked'])
  })

  test('an unknown user fails with Clerk’s reason and leaves nothing behind', async ({ signInAs, stack }) => {
    const tasksBefore = stack.emulator.state.agentTasks().length
    const error = await signInAs({ identifier: 'nobody@example.com' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AgentTaskSignInError)
    expect(error).toMatchObject({ code: 'mint_failed', status: 404, clerkCode: 'agent_task_subject_not_found' })
    expect((error as Error).message).toContain('"nobody@example.com"')
    expect(stack.emulator.state.agentTasks()).toHaveLength(tasksBefore)
  })
})
