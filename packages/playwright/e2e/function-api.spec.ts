import { createServer } from 'node:net'
import { AgentTaskSignInError, signInWithAgentTask } from '../src/index.js'
import { startStack } from './support/stack.js'
import { expect, test } from './support/test.js'

/** Everything this package may print about a sign-in: none of it may carry a link or a token. */
function expectNoCredentials(error: unknown) {
  const text = `${(error as Error).message}\n${(error as Error).stack}`
  expect(text).not.toMatch(/ticket=(?!\[redacted\])/)
  expect(text).not.toMatch(/__clerk_handshake=(?!\[redacted\])/)
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
  expect(text).not.toContain('/v1/agents/tasks?')
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 9))
    })
  })
}

test.describe('signInWithAgentTask()', () => {
  test('signs a fresh context of a browser in; dispose() ends the session and closes the context', async ({ browser, stack }) => {
    const signIn = await signInWithAgentTask(browser, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { userId: stack.grace.id },
      redirectUrl: '/dashboard',
      baseURL: stack.app.url,
    })
    expect(signIn).toMatchObject({ userId: stack.grace.id, landedUrl: `${stack.app.url}/dashboard` })
    await expect(signIn.page.getByTestId('session')).toHaveText(signIn.sessionId)
    // Relative navigation works: the new context got the baseURL.
    await signIn.page.goto('/')
    await expect(signIn.page.getByTestId('user')).toHaveText(stack.grace.id)

    // Its storage state opens more signed-in contexts.
    const another = await browser.newContext({ storageState: await signIn.storageState() })
    const anotherPage = await another.newPage()
    await anotherPage.goto(`${stack.app.url}/`)
    await expect(anotherPage.getByTestId('session')).toHaveText(signIn.sessionId)
    await another.close()

    await signIn.dispose()
    await signIn.dispose()
    expect(stack.emulator.state.sessions().find((s) => s.id === signIn.sessionId)?.status).toBe('revoked')
    await expect(signIn.context.newPage()).rejects.toThrow(/closed/)
  })

  test('signs a context you own in, and leaves it open on dispose()', async ({ context, stack }) => {
    await context.clearCookies()
    const signIn = await signInWithAgentTask(context, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { identifier: 'grace@example.com' },
      redirectUrl: `${stack.app.url}/`,
    })
    expect(signIn.context).toBe(context)
    await expect(signIn.page.getByTestId('user')).toHaveText(stack.grace.id)
    await signIn.dispose()
    expect(stack.emulator.state.sessions().find((s) => s.id === signIn.sessionId)?.status).toBe('revoked')
    const page = await context.newPage()
    await page.close()
  })

  test('a link Clerk refuses: clear error, no link in it, and the link is revoked', async ({ browser, stack }) => {
    const error = await signInWithAgentTask(browser, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { identifier: 'ada@example.com' },
      // Not an origin of this instance: minting works, using the link does not.
      redirectUrl: 'http://app.example.test/dashboard',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AgentTaskSignInError)
    expect(error).toMatchObject({ code: 'link_refused', status: 400, clerkCode: 'agent_task_cannot_be_used' })
    expectNoCredentials(error)
    const task = stack.emulator.state.agentTasks().at(-1)
    expect(task).toMatchObject({ redirectUrl: 'http://app.example.test/dashboard', status: 'revoked' })
  })

  test('an app that sets no session: not_signed_in, and the session the link created is ended', async ({ browser, stack }) => {
    const error = await signInWithAgentTask(browser, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { identifier: 'ada@example.com' },
      redirectUrl: `${stack.app.url}/no-clerk`,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'not_signed_in' })
    expect((error as Error).message).toContain(`${stack.app.url}/no-clerk`)
    expectNoCredentials(error) // the page URL still carries the handshake token here
    const task = stack.emulator.state.agentTasks().at(-1)
    expect(task?.status).toBe('used')
    expect(stack.emulator.state.sessions().find((s) => s.id === task?.sessionId)?.status).toBe('revoked')
  })

  test('an app that is down: navigation_failed without the link, and the session is ended', async ({ browser, stack }) => {
    const error = await signInWithAgentTask(browser, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { userId: stack.ada.id },
      redirectUrl: `http://127.0.0.1:${await closedPort()}/dashboard`,
      timeoutMs: 5_000,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'navigation_failed' })
    expect((error as Error).message).toContain('ERR_CONNECTION_REFUSED')
    expectNoCredentials(error)
    const task = stack.emulator.state.agentTasks().at(-1)
    expect(stack.emulator.state.sessions().find((s) => s.id === task?.sessionId)?.status).toBe('revoked')
  })

  test('dispose() fails loudly when Clerk cannot end the session, and can be retried', async ({ browser, stack }) => {
    const signIn = await signInWithAgentTask(browser, {
      secretKey: stack.emulator.secretKey,
      apiUrl: stack.emulator.apiUrl,
      user: { userId: stack.ada.id },
      redirectUrl: stack.app.url,
    })
    stack.emulator.faults.add({ method: 'POST', path: /^\/v1\/sessions\/[^/]+\/revoke$/, status: 503 })
    const error = await signIn.dispose().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'cleanup_failed' })
    expect((error as Error).message).toContain(`revoking session ${signIn.sessionId}`)
    expect((error as Error).message).toContain('may still be live')
    expect(stack.emulator.state.sessions().find((s) => s.id === signIn.sessionId)?.status).toBe('active')

    stack.emulator.faults.clear()
    await signIn.dispose()
    expect(stack.emulator.state.sessions().find((s) => s.id === signIn.sessionId)?.status).toBe('revoked')
  })

  test('refuses a live secret key before calling Clerk', async ({ browser, stack }) => {
    const requestsBefore = stack.emulator.state.requests().length
    const liveKey = `sk_live_${'x'.repeat(40)}`
    const error = await signInWithAgentTask(browser, {
      secretKey: liveKey,
      apiUrl: stack.emulator.apiUrl,
      user: { userId: stack.ada.id },
      redirectUrl: stack.app.url,
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'live_key_refused' })
    expect((error as Error).message).not.toContain(liveKey)
    expect(stack.emulator.state.requests()).toHaveLength(requestsBefore)
  })

  test('with allowLiveKeys, works against a production instance (handshake by cookie)', async ({ browser }) => {
    const production = await startStack({ instance: 'production' })
    try {
      expect(production.emulator.secretKey).toMatch(/^sk_live_/)
      const signIn = await signInWithAgentTask(browser, {
        secretKey: production.emulator.secretKey,
        apiUrl: production.emulator.apiUrl,
        allowLiveKeys: true,
        user: { identifier: 'ada@example.com' },
        redirectUrl: `${production.app.url}/dashboard`,
      })
      await expect(signIn.page.getByTestId('user')).toHaveText(production.ada.id)
      await signIn.dispose()
      expect(production.liveAccess()).toEqual({ activeSessions: [], pendingTasks: [] })
    } finally {
      await production.close()
    }
  })
})
