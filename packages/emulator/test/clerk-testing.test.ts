import { clerkSetup, createAgentTestingTask } from '@clerk/testing/playwright'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../src/index.js'

// Clerk's own testing helpers, unmodified, against the emulator: only the environment points them here.
describe('@clerk/testing against the emulator', () => {
  let emulator: Emulator
  let userId: string
  const saved = { ...process.env }

  beforeAll(async () => {
    emulator = await startEmulator({ tls: false, users: [{ email: 'ada@example.com' }] })
    userId = emulator.users.list()[0]?.id ?? ''
  })
  afterEach(() => {
    for (const key of ['CLERK_FAPI', 'CLERK_TESTING_TOKEN', 'CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY', 'CLERK_API_URL']) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  })
  afterAll(() => emulator.close())

  function useEmulatorEnv(): void {
    process.env.CLERK_PUBLISHABLE_KEY = emulator.publishableKey
    process.env.CLERK_SECRET_KEY = emulator.secretKey
    process.env.CLERK_API_URL = emulator.apiUrl
  }

  it('clerkSetup() gets a testing token from the Backend API and names the Frontend API host', async () => {
    useEmulatorEnv()
    await clerkSetup({ dotenv: false })
    expect(process.env.CLERK_FAPI).toBe(emulator.frontendApi)
    const token = process.env.CLERK_TESTING_TOKEN ?? ''
    expect(token).toMatch(/^\d+-[\w-]+$/)
    const handshake = `${emulator.url}/v1/client/handshake?redirect_url=${encodeURIComponent('http://127.0.0.1:9/')}`
    const honoured = await fetch(`${handshake}&__clerk_testing_token=${encodeURIComponent(token)}`, { redirect: 'manual' })
    expect(honoured.status).not.toBe(401)
  })

  it('refuses a Frontend API request with a testing token it did not issue, naming the fix', async () => {
    const handshake = `${emulator.url}/v1/client/handshake?redirect_url=${encodeURIComponent('http://127.0.0.1:9/')}`
    const refused = await fetch(`${handshake}&__clerk_testing_token=1999999999-forged`, { redirect: 'manual' })
    expect(refused.status).toBe(401)
    const body = (await refused.json()) as { errors: Array<{ code: string; long_message: string }> }
    expect(body.errors[0]?.code).toBe('testing_token_invalid')
    expect(body.errors[0]?.long_message).toContain('POST /v1/testing_tokens')
  })

  it('createAgentTestingTask() mints an agent task through the Backend API', async () => {
    useEmulatorEnv()
    const task = await createAgentTestingTask({
      onBehalfOf: { userId },
      permissions: '*',
      agentName: 'playwright',
      taskDescription: 'check the dashboard',
      redirectUrl: 'http://127.0.0.1:3000/dashboard',
    })
    expect(task.agentTaskId).toMatch(/^agt_/)
    expect(task.url).toContain(emulator.frontendApi)
    expect(emulator.state.agentTasks().find((state) => state.id === task.agentTaskId)?.status).toBe('pending')
  })
})
