import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { signWebhook } from '@agent-tasks/browser-use-emulator'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrowserUseWebhookHandler, createMemoryWebhookClaims, type WebhookClaims } from '../src/index.js'

const secret = 'whsec_test'

function signed(taskId: string) {
  const body = { type: 'agent.task.status_update', timestamp: '2026-11-24T00:00:00Z', payload: { task_id: taskId, status: 'finished', metadata: { agentTaskId: `agt_${taskId}` } } }
  const timestamp = String(Math.floor(Date.now() / 1000))
  return new Request('http://app.example/webhooks/browser-use', {
    method: 'POST',
    headers: { 'X-Browser-Use-Timestamp': timestamp, 'X-Browser-Use-Signature': signWebhook(secret, timestamp, body) },
    body: JSON.stringify(body),
  })
}

describe('createMemoryWebhookClaims', () => {
  it('claims a key once, until it is released or expires', async () => {
    const claims = createMemoryWebhookClaims()
    expect(claims.claim('a', 60)).toBe(true)
    expect(claims.claim('a', 60)).toBe(false)
    claims.release('a')
    expect(claims.claim('a', 60)).toBe(true)
    expect(claims.claim('short', 0.05)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(claims.claim('short', 0.05)).toBe(true)
  })

  it('keeps at most maxEntries keys, forgetting the oldest first', () => {
    const claims = createMemoryWebhookClaims({ maxEntries: 3 })
    for (const key of ['k1', 'k2', 'k3', 'k4']) expect(claims.claim(key, 60)).toBe(true)
    expect(claims.claim('k4', 60)).toBe(false)
    expect(claims.claim('k2', 60)).toBe(false)
    expect(claims.claim('k1', 60)).toBe(true)
  })
})

/** Debian's `redis-server` on a free port of 127.0.0.1, without persistence. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as { port: number }
  probe.close()
  await once(probe, 'close')
  const child = spawn(process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)))
  })
  return { url: `redis://127.0.0.1:${port}`, child }
}

describe('claims shared through Redis, as the README shows', () => {
  let redisServer: { url: string; child: ChildProcess }
  let redis: ReturnType<typeof createClient>

  beforeAll(async () => {
    redisServer = await startRedis()
    redis = createClient({ url: redisServer.url })
    await redis.connect()
  })
  afterAll(async () => {
    await redis?.quit()
    redisServer?.child.kill('SIGTERM')
  })

  it('two instances of the app, one event delivered to both at once: handled once', async () => {
    // The README's implementation, verbatim.
    const seen: WebhookClaims = {
      claim: async (key, ttlSeconds) => (await redis.set(`browser-use-webhook:${key}`, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } })) === 'OK',
      release: async (key) => {
        await redis.del(`browser-use-webhook:${key}`)
      },
    }
    const ended: string[] = []
    const instance = () => createBrowserUseWebhookHandler({ secret, seen, endAccess: async (id) => void ended.push(id) })
    const [first, second] = [instance(), instance()]
    const delivery = signed('shared')
    const statuses = await Promise.all([first(delivery.clone()), second(delivery.clone()), first(delivery)].map(async (r) => (await r).status))
    expect(statuses.sort()).toEqual([200, 409, 409])
    expect(ended).toEqual(['agt_shared'])
    const [key] = await redis.keys('browser-use-webhook:*')
    expect(await redis.ttl(key as string)).toBeGreaterThan(590)
  })
})
