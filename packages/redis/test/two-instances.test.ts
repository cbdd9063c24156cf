import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { type Emulator, startEmulator } from '@agent-tasks/emulator'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from './redis-server.js'

const INSTANCE = fileURLToPath(new URL('./fixtures/express-instance.mjs', import.meta.url))
const RATE_MINTS = 60
const MAX_PENDING = 25

interface Instance {
  origin: string
  process: ChildProcess
  output: () => string
}

async function startInstance(emulator: Emulator, redis: RedisServer): Promise<Instance> {
  const child = spawn(process.execPath, [INSTANCE], {
    env: { ...process.env, ...emulator.env, REDIS_URL: redis.url, RATE_MINTS: String(RATE_MINTS), MAX_PENDING: String(MAX_PENDING) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening (\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${output}`)))
  })
  return { origin: `http://127.0.0.1:${port}`, process: child, output: () => output }
}

let emulator: Emulator
let redis: RedisServer
let a: Instance
let b: Instance

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ email: 'ada@example.com' }], rateLimit: false })
  redis = await startRedisServer()
  ;[a, b] = await Promise.all([startInstance(emulator, redis), startInstance(emulator, redis)])
}, 30_000)

afterAll(async () => {
  for (const instance of [a, b]) {
    if (instance && instance.process.exitCode === null) {
      instance.process.kill()
      await once(instance.process, 'exit')
    }
  }
  await redis?.close()
  await emulator?.close()
})

async function tokenFor(email: string): Promise<{ userId: string; token: string }> {
  const user = emulator.users.findByEmail(email) ?? emulator.users.create({ email })
  return { userId: user.id, token: (await emulator.signIn(user.id)).token }
}

async function api(instance: Instance, path: string, token: string, method = 'POST') {
  const response = await fetch(`${instance.origin}/api/agent-tasks${path}`, { method, headers: { Authorization: `Bearer ${token}` } })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

describe('two app instances on one Redis', () => {
  it('a link minted on A is listed, seen used and killed on B', async () => {
    const { token } = await tokenFor('ada@example.com')
    const minted = await api(a, '', token)
    expect(minted.status).toBe(201)
    const { agentTaskId, url } = minted.body.agentTask
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(307)
    const listed = await api(b, '', token, 'GET')
    expect(listed.body.data[0]).toMatchObject({ agentTaskId, status: 'used', sessions: [{ status: 'active' }] })
    const killed = await api(b, `/${agentTaskId}/revoke`, token)
    expect(killed.body).toMatchObject({ message: 'Agent access ended', endedSessions: 1 })
    expect(emulator.state.sessions().find((s) => s.agentTaskId === agentTaskId)?.status).toBe('revoked')
    expect((await api(a, `/${agentTaskId}/revoke`, token)).body.code).toBe('agent_session_already_ended')
  })

  it('1,000 concurrent mints over both instances: every record once, both limits exact to the request', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5].map((n) => tokenFor(`load-${n}@example.com`)))
    const attempts = users.flatMap((user) => Array.from({ length: 200 }, (_, i) => ({ user, instance: i % 2 === 0 ? a : b })))
    const results = await Promise.all(attempts.map(({ user, instance }) => api(instance, '', user.token).then((r) => ({ user, ...r }))))
    expect(results.filter((r) => r.status >= 500)).toEqual([])
    for (const user of users) {
      const mine = results.filter((r) => r.user === user)
      const created = mine.filter((r) => r.status === 201).map((r) => r.body.agentTask.agentTaskId as string)
      // The rate lets exactly RATE_MINTS past it; of those, exactly MAX_PENDING are kept. The rest are
      // refused before Clerk (the pending count was already full) or, minted meanwhile, revoked at once.
      const atClerk = emulator.state.agentTasks().filter((t) => t.userId === user.userId)
      expect(atClerk.length).toBeGreaterThanOrEqual(MAX_PENDING)
      expect(atClerk.length).toBeLessThanOrEqual(RATE_MINTS)
      expect(created).toHaveLength(MAX_PENDING)
      expect(atClerk.filter((t) => t.status === 'pending').map((t) => t.id).sort()).toEqual([...created].sort())
      expect(mine.filter((r) => r.body?.code === 'rate_limited')).toHaveLength(200 - RATE_MINTS)
      expect(mine.filter((r) => r.body?.code === 'too_many_pending_links')).toHaveLength(RATE_MINTS - MAX_PENDING)
      const listed: string[] = []
      let cursor: string | null = null
      do {
        const page = await api(b, `?limit=10${cursor ? `&cursor=${cursor}` : ''}`, user.token, 'GET')
        listed.push(...page.body.data.map((r: { agentTaskId: string }) => r.agentTaskId))
        cursor = page.body.nextCursor
      } while (cursor)
      expect(listed.sort()).toEqual([...created].sort())
    }
  }, 120_000)

  it('a forged cursor with an impossible date is a 400 naming the cursor, not a 503', async () => {
    const { token } = await tokenFor('ada@example.com')
    const cursor = Buffer.from('9999-99-99T99:99:99Z|at_x').toString('base64url')
    const listed = await api(a, `?cursor=${cursor}`, token, 'GET')
    expect(listed.status).toBe(400)
    expect(listed.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'cursor' }] })
  })

  it('Redis down: a bounded 503, nothing minted, nothing lost; back up: minting again', async () => {
    const { userId, token } = await tokenFor('outage@example.com')
    const before = await api(a, '', token)
    expect(before.status).toBe(201)
    const mintsBefore = emulator.state.agentTasks().length
    await redis.stop()
    const started = Date.now()
    const down = await api(b, '', token)
    expect(down.status).toBe(503)
    expect(down.body).toMatchObject({ code: 'store_unavailable' })
    // Bounded by the store's 1 s timeout, not a hang (generous: CI machines are loaded).
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await api(a, '', token, 'GET')).status).toBe(503)
    expect(emulator.state.agentTasks().length).toBe(mintsBefore)
    await redis.start()
    await expect.poll(async () => (await api(a, '', token)).status, { timeout: 10_000, interval: 250 }).toBe(201)
    expect((await api(b, '', token)).status).toBe(201)
    const listed = (await api(b, '', token, 'GET')).body.data.map((r: { agentTaskId: string }) => r.agentTaskId)
    expect(listed).toContain(before.body.agentTask.agentTaskId)
    const pendingAtClerk = emulator.state.agentTasks().filter((t) => t.userId === userId && t.status === 'pending')
    expect(listed.sort()).toEqual(pendingAtClerk.map((t) => t.id).sort())
    for (const instance of [a, b]) expect(instance.output()).not.toMatch(/ticket=|__clerk/)
  }, 30_000)

  // Last: Redis stays paused past the end of the test.
  it('Redis stalled: a mint is answered 503 within the bounds, not after the stall', async () => {
    const { token } = await tokenFor('stall@example.com')
    const mintsBefore = emulator.state.agentTasks().length
    const pauser = createClient({ url: redis.url })
    await pauser.connect()
    await pauser.sendCommand(['CLIENT', 'PAUSE', '15000', 'ALL'])
    const started = Date.now()
    const stalled = await api(a, '', token)
    expect(stalled.status).toBe(503)
    expect(stalled.body).toMatchObject({ code: 'store_unavailable' })
    // The limiter's 2 s default bound, not the 15 s stall (generous: CI machines are loaded).
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(emulator.state.agentTasks().length).toBe(mintsBefore)
    pauser.destroy()
  }, 30_000)
})
