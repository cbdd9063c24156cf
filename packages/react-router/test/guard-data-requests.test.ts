import { fixtureEnv } from '@agent-tasks/conformance/fixture'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer } from './support/fixture.js'

// React Router's own way to a route: a client navigation to /billing fetches /billing.data (single
// fetch), which runs the same loader. The guard must see /billing there too.

let emulator: Emulator
let server: Awaited<ReturnType<typeof startFixtureServer>>

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false })
  const admin = emulator.users.findByEmail('ada@example.com')?.id as string
  // Hook events are never sent in these cases; the address only has to be there.
  server = await startFixtureServer({ ...emulator.env, ...fixtureEnv({ eventsUrl: 'http://127.0.0.1:9/events', adminUserId: admin }) })
})
afterAll(async () => {
  await server?.close()
  await emulator?.close()
})

const get = (path: string, token: string) => fetch(`${server.origin}${path}`, { headers: { Authorization: `Bearer ${token}` } })

describe('agentTasks.guard on single-fetch data requests', () => {
  it('refuses an agent the billing loader through /billing.data, as it does /billing; a person gets it', async () => {
    const userId = emulator.users.findByEmail('ada@example.com')?.id as string
    const agent = await emulator.signIn(userId, { actor: { type: 'agent', sub: 'agt_navigating' } })
    for (const path of ['/billing', '/billing.data']) {
      const refused = await get(path, agent.token)
      expect(refused.status, path).toBe(403)
      expect(await refused.json()).toMatchObject({ code: 'agent_action_forbidden' })
    }
    const person = await emulator.signIn(userId)
    const data = await get('/billing.data', person.token)
    expect(data.status).toBe(200)
    expect(await data.text()).toContain('billing')
  })
})
