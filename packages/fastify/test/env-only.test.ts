import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'

// The app as most users write it: the CLERK_* environment is set before anything is imported, and
// `clerkPlugin` gets no options. `@clerk/fastify` then verifies sessions with CLERK_JWT_KEY, but its
// clients would call https://api.clerk.com (the plugin's ignores CLERK_API_URL): the adapter must
// mint through CLERK_API_URL anyway. Imported only once the emulator's environment is set.
let emulator: Emulator
let app: FastifyInstance
let origin: string

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }], rateLimit: false })
  Object.assign(process.env, emulator.env)
  const [{ clerkPlugin }, { default: Fastify }, { createAgentTasks }] = await Promise.all([
    import('@clerk/fastify'),
    import('fastify'),
    import('../src/index.js'),
  ])
  app = Fastify()
  await app.register(clerkPlugin)
  await app.register(createAgentTasks().handler, { prefix: '/api/agent-tasks' })
  origin = await app.listen({ port: 0, host: '127.0.0.1' })
})

afterAll(async () => {
  await app.close()
  await emulator.close()
})

it('mints through CLERK_API_URL when clerkPlugin is configured by the environment alone', async () => {
  const user = emulator.users.findByEmail('ada@example.com')
  if (!user) throw new Error('no seeded user')
  const { token } = await emulator.signIn(user.id)
  const response = await fetch(`${origin}/api/agent-tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  expect(emulator.state.agentTasks()).toHaveLength(1)
})
