import type { StorageState } from '../src/index.js'
import { expect, test } from './support/test.js'

// Session tokens of this worker's emulator live 1 s instead of 60 s.
test.use({ stackOptions: { sessionTokenTtlSeconds: 1 } })

function sessionTokenExpiry(state: StorageState): number {
  const token = state.cookies.find((c) => c.name === '__session')?.value ?? ''
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }
  return exp * 1000
}

/** Until the saved token is expired even with the 5 s clock skew the Clerk SDK allows. */
async function waitUntilExpired(state: StorageState) {
  const wait = sessionTokenExpiry(state) + 5_500 - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

test('the saved state still signs in after its token expired: a document navigation refreshes it', async ({ page, stack, agentTaskSession }) => {
  await waitUntilExpired(agentTaskSession.storageState)
  const handshakesBefore = stack.emulator.state.requests().filter((r) => r.path === '/v1/client/handshake').length

  await page.goto('/dashboard')
  await expect(page.getByTestId('user')).toHaveText(stack.ada.id)
  await expect(page.getByTestId('session')).toHaveText(agentTaskSession.sessionId)
  // It really was refreshed through the emulator, and the context now holds a newer token.
  const handshakes = stack.emulator.state.requests().filter((r) => r.path === '/v1/client/handshake').length
  expect(handshakes).toBeGreaterThan(handshakesBefore)
  expect(sessionTokenExpiry(await page.context().storageState())).toBeGreaterThan(sessionTokenExpiry(agentTaskSession.storageState))
  await expect(page).toHaveURL(`${stack.app.url}/dashboard`)
})

test('a later test starts from the same (long expired) state and is signed in too', async ({ page, agentTaskSession }) => {
  await waitUntilExpired(agentTaskSession.storageState)
  await page.goto('/')
  await expect(page.getByTestId('session')).toHaveText(agentTaskSession.sessionId)
})

test('without a navigation an expired token is not refreshed (why tests should navigate first)', async ({ page, agentTaskSession }) => {
  await waitUntilExpired(agentTaskSession.storageState)
  await page.goto('/no-clerk')
  const fromFetch = await page.evaluate(async () => (await fetch('/api/whoami')).json())
  expect(fromFetch).toMatchObject({ userId: null })
  await page.goto('/')
  expect(await page.evaluate(async () => (await fetch('/api/whoami')).json())).toMatchObject({ sessionId: agentTaskSession.sessionId })
})
