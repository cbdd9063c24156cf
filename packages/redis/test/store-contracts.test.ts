import type { ApprovalStore } from '@agent-tasks/core'
import { beforeAll, expect, it } from 'vitest'
import { describeApprovalStoreContract } from '../../core/test/contracts/approval-store-contract.js'
import { describeFindBySessionContract } from '../../core/test/contracts/store-sessions-contract.js'
import { createRedisApprovalStore } from '../src/index.js'
import { record } from './records.js'
import { useRedisStore } from './redis-store-under-test.js'

// The same contracts core's memory stores pass, on a real redis-server.
const redis = useRedisStore({ prefix: 'contract:', retentionSeconds: 3600, timeoutMs: 1000 })
let approvals: ApprovalStore
beforeAll(() => {
  approvals = createRedisApprovalStore(redis.client, { prefix: 'contract:', retentionSeconds: 600 })
})

describeFindBySessionContract('createRedisStore', () => redis.store)
describeApprovalStoreContract('createRedisApprovalStore', () => approvals)

it('a session key lives exactly as long as the record that lists it', async () => {
  const sessionId = `sess_ttl_${Math.random().toString(36).slice(2)}`
  const pending = record('user_session_ttl')
  await redis.store.save(pending)
  const session = { sessionId, status: 'active', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 600_000).toISOString() }
  await redis.store.update(pending.agentTaskId, { status: 'used', sessions: [session] }, ['pending'])
  const ttl = async (key: string) => (await redis.client.sendCommand(['PTTL', key])) as number
  const recordTtl = await ttl(`contract:task:${pending.agentTaskId}`)
  expect(recordTtl).toBeGreaterThan(3_500_000)
  expect(Math.abs((await ttl(`contract:session:${sessionId}`)) - recordTtl)).toBeLessThan(1000)
  // The session ended: the record is kept for the retention from now, and its session key with it.
  await redis.store.update(pending.agentTaskId, { sessions: [{ ...session, status: 'ended' }] }, ['used'])
  expect(Math.abs((await ttl(`contract:session:${sessionId}`)) - (await ttl(`contract:task:${pending.agentTaskId}`)))).toBeLessThan(1000)
})

it('an approval request’s keys expire once it can no longer act, plus the retention', async () => {
  const now = Date.now()
  const request = {
    id: 'apr_0123456789abcdef0123456789abcdef',
    userId: 'user_apr_ttl',
    sessionId: 'sess_a',
    method: 'GET',
    path: '/billing',
    rule: { source: 'built-in' as const, index: 1, effect: 'ask' as const, methods: '*' as const, paths: ['/billing/**'] },
    status: 'pending' as const,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 900_000).toISOString(),
  }
  await approvals.open(request, { maxPendingPerUser: 5, now })
  const ttl = async (key: string) => (await redis.client.sendCommand(['TTL', key])) as number
  expect(await ttl(`contract:approval:${request.id}`)).toBeGreaterThan(1490)
  expect(await ttl(`contract:approval:${request.id}`)).toBeLessThanOrEqual(1500)
  await approvals.transition(request.id, { from: ['pending'] }, { status: 'approved', expiresAt: new Date(now + 3_600_000).toISOString() })
  expect(await ttl(`contract:approval:${request.id}`)).toBeGreaterThan(4100)
})
