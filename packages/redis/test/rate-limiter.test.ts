import { AgentTaskError } from '@agent-tasks/core'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisRateLimiter } from '../src/index.js'
import { type RedisServer, startRedisServer } from './redis-server.js'

let server: RedisServer
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  server = await startRedisServer()
  client = createClient({ url: server.url, disableOfflineQueue: true })
  client.on('error', () => {})
  await client.connect()
})
afterAll(async () => {
  client.destroy()
  await server.close()
})

const policy = { points: 2, duration: 60, keyPrefix: 'agent-tasks:mint' }

describe('redisRateLimiter', () => {
  it('counts in Redis, and rejects past the limit with its verdict (core answers 429)', async () => {
    const limiter = redisRateLimiter(client, { prefix: 'rl:', timeoutMs: 500 })(policy)
    expect(await limiter.consume('user_rate')).toMatchObject({ remainingPoints: 1 })
    expect(await limiter.consume('user_rate')).toMatchObject({ remainingPoints: 0 })
    const refusal = await limiter.consume('user_rate').catch((e: unknown) => e)
    expect(refusal).not.toBeInstanceOf(Error)
    expect(refusal).toMatchObject({ remainingPoints: 0, msBeforeNext: expect.any(Number) })
    expect(await client.sendCommand(['GET', 'rl:mint:user_rate'])).toBe('3')
  })

  it('rejects with store_unavailable within its timeout when Redis stalls, instead of waiting for it', async () => {
    const limiter = redisRateLimiter(client, { prefix: 'rl:', timeoutMs: 500 })(policy)
    const pauser = createClient({ url: server.url })
    await pauser.connect()
    await pauser.sendCommand(['CLIENT', 'PAUSE', '8000', 'ALL'])
    const started = Date.now()
    const error = await limiter.consume('user_stall').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AgentTaskError)
    expect((error as AgentTaskError).code).toBe('store_unavailable')
    // Answered by the limiter's 500 ms timeout while Redis is still paused (generous: CI is loaded).
    expect(Date.now() - started).toBeLessThan(5000)
    pauser.destroy()
  })
})
