import type { AgentTaskStore } from '@agent-tasks/core'
import { createClient } from 'redis'
import { afterAll, beforeAll } from 'vitest'
import { createRedisStore, type RedisStoreOptions } from '../src/index.js'
import { type RedisServer, startRedisServer } from './redis-server.js'

export interface RedisStoreUnderTest {
  server: RedisServer
  client: ReturnType<typeof createClient>
  store: AgentTaskStore
}

/**
 * A real Redis server, a client and a store on it for the test file: started before its tests, stopped
 * after. Fields are set once `beforeAll` has run.
 */
export function useRedisStore(options: RedisStoreOptions, reconnect = false): RedisStoreUnderTest {
  const underTest = {} as RedisStoreUnderTest
  beforeAll(async () => {
    underTest.server = await startRedisServer()
    underTest.client = createClient({
      url: underTest.server.url,
      disableOfflineQueue: true,
      ...(reconnect ? { socket: { reconnectStrategy: () => 100 } } : {}),
    })
    underTest.client.on('error', () => {})
    await underTest.client.connect()
    underTest.store = createRedisStore(underTest.client, options)
  })
  afterAll(async () => {
    underTest.client?.destroy()
    await underTest.server?.close()
  })
  return underTest
}
