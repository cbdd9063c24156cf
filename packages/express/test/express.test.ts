import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { clerkMiddleware } from '@clerk/express'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentTasks } from '../src/index.js'
import { serve } from './start-app.js'

// What only Express has; everything shared is in the conformance suite.
let emulator: Emulator
let token: string
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
  token = (await emulator.signIn(user.id)).token
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  await emulator.close()
})

const post = (url: string, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } })

describe('@agent-tasks/express', () => {
  it('leaves other paths under the mount point to the app', async () => {
    const app = express()
    app.use(clerkMiddleware())
    const { handler } = createAgentTasks()
    handler.get('/mine', (_req, res) => {
      res.json({ custom: true })
    })
    app.use('/api/agent-tasks', handler)
    const origin = await start(app)
    const custom = await fetch(`${origin}/api/agent-tasks/mine`, { headers: { Authorization: `Bearer ${token}` } })
    expect(await custom.json()).toEqual({ custom: true })
  })

  it('the guard mounted below a path checks the whole path the app routes', async () => {
    const app = express()
    app.use(clerkMiddleware())
    const agentTasks = createAgentTasks({ policy: { defaultPolicy: [{ effect: 'deny', paths: ['/account/billing/**'] }] } })
    // Below /account, `req.path` is `/billing`: only the whole path matches the rule.
    app.use('/account', agentTasks.guard)
    app.get('/account/billing', (_req, res) => {
      res.json({ billing: true })
    })
    const origin = await start(app)
    const user = emulator.users.findByEmail('ada@example.com')?.id as string
    const agent = await emulator.signIn(user, { actor: { type: 'agent', sub: 'agt_express' } })
    const refused = await fetch(`${origin}/account/billing?x=1`, { headers: { Authorization: `Bearer ${agent.token}` } })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'agent_action_forbidden' })
    const person = await fetch(`${origin}/account/billing`, { headers: { Authorization: `Bearer ${token}` } })
    expect(await person.json()).toEqual({ billing: true })
  })

  it('takes the origin from X-Forwarded-Host and -Proto only with `trust proxy`', async () => {
    const headers = { 'X-Forwarded-Host': 'app.example', 'X-Forwarded-Proto': 'https' }
    const body = JSON.stringify({ redirectUrl: '/dashboard' })
    const trusting = express()
    trusting.set('trust proxy', 'loopback')
    trusting.use(clerkMiddleware())
    trusting.use('/api/agent-tasks', createAgentTasks().handler)
    const behindProxy = await post(`${await start(trusting)}/api/agent-tasks`, { headers, body })
    expect(behindProxy.status).toBe(201)
    expect((await behindProxy.json()).agentTask.redirectUrl).toBe('https://app.example/dashboard')

    const direct = express()
    direct.use(clerkMiddleware())
    direct.use('/api/agent-tasks', createAgentTasks().handler)
    const origin = await start(direct)
    const notTrusted = await post(`${origin}/api/agent-tasks`, { headers, body })
    expect((await notTrusted.json()).agentTask.redirectUrl).toBe(`${origin}/dashboard`)
  })
})
