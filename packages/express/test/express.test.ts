import { sessionCookies } from '@agent-tasks/conformance'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { clerkMiddleware } from '@clerk/express'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AgentTaskError, createAgentTask, createAgentTaskRoute, createAgentTasksHandler } from '../src/index.js'
import { serve } from './start-app.js'

let emulator: Emulator
let token: string
let userId: string
const servers: Array<{ close(): Promise<void> }> = []

async function start(app: express.Express) {
  const running = await serve(app)
  servers.push(running)
  return running.origin
}

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }], rateLimit: false })
  Object.assign(process.env, emulator.env)
  const user = emulator.users.findByEmail('ada@example.com')
  if (!user) throw new Error('no seeded user')
  userId = user.id
  token = (await emulator.signIn(userId)).token
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await emulator.close()
})

const post = (url: string, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } })

describe('@agent-tasks/express', () => {
  it('explains the fix when clerkMiddleware() is missing', async () => {
    const app = express()
    app.use('/api/agent-tasks', createAgentTasksHandler())
    const origin = await start(app)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await post(`${origin}/api/agent-tasks`)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('app.use(clerkMiddleware())'))
    logged.mockRestore()
    expect(response.status).toBe(500)
    const body = await response.json()
    expect(body.code).toBe('misconfigured')
    expect(body.detail).toContain('app.use(clerkMiddleware())')
  })

  it('turns the seed’s hand-written route into one line', async () => {
    const app = express()
    app.use(clerkMiddleware())
    app.post('/createAgentTask', createAgentTaskRoute({ redirect: { defaultUrl: '/dashboard' } }))
    const origin = await start(app)
    const signedOut = await fetch(`${origin}/createAgentTask`, { method: 'POST' })
    expect(signedOut.status).toBe(401)
    const response = await post(`${origin}/createAgentTask`)
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.message).toBe('Agent Task created')
    expect(body.agentTask.redirectUrl).toBe(`${origin}/dashboard`)
  })

  it('lets an app mint from its own handler with createAgentTask()', async () => {
    const app = express()
    app.use(clerkMiddleware())
    app.post('/start-agent', async (req, res) => {
      try {
        const task = await createAgentTask(req, { redirectUrl: '/reports', taskDescription: 'Summarise reports' })
        res.json({ id: task.agentTaskId, hasUrl: task.url.length > 0 })
      } catch (error) {
        if (error instanceof AgentTaskError) res.status(error.status).json({ code: error.code })
        else throw error
      }
    })
    const origin = await start(app)
    const ok = await post(`${origin}/start-agent`)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ hasUrl: true })
    expect(emulator.state.agentTasks().some((t) => t.taskDescription === 'Summarise reports')).toBe(true)
    const signedOut = await fetch(`${origin}/start-agent`, { method: 'POST' })
    expect(await signedOut.json()).toEqual({ code: 'unauthenticated' })
  })

  it('leaves other paths under the mount point to the app', async () => {
    const app = express()
    app.use(clerkMiddleware())
    const router = createAgentTasksHandler()
    router.get('/mine', (_req, res) => {
      res.json({ custom: true })
    })
    app.use('/api/agent-tasks', router)
    const origin = await start(app)
    const custom = await fetch(`${origin}/api/agent-tasks/mine`, { headers: { Authorization: `Bearer ${token}` } })
    expect(await custom.json()).toEqual({ custom: true })
  })

  it('works with cookie sessions from a same-origin page', async () => {
    const app = express()
    app.use(clerkMiddleware())
    app.use('/api/agent-tasks', createAgentTasksHandler())
    const origin = await start(app)
    const browserToken = (await emulator.signIn(userId, { azp: origin })).token
    const response = await fetch(`${origin}/api/agent-tasks`, {
      method: 'POST',
      headers: { Cookie: sessionCookies(browserToken), Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ redirectUrl: '/' }),
    })
    expect(response.status).toBe(201)
  })
})
