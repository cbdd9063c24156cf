import { createHmac } from 'node:crypto'
import { signWebhook } from '@agent-tasks/browser-use-emulator'
import { describe, expect, it } from 'vitest'
import { type BrowserUseWebhookEvent, createBrowserUseWebhookHandler } from '../src/index.js'

const secret = 'whsec_test'
const event = { type: 'agent.task.status_update', timestamp: '2026-11-24T00:00:00Z', payload: { task_id: 't1', status: 'finished', metadata: { agentTaskId: 'agt_1' } } }

function signed(body: unknown, timestamp = String(Math.floor(Date.now() / 1000)), key = secret) {
  return new Request('http://app.example/webhooks/browser-use', {
    method: 'POST',
    headers: { 'X-Browser-Use-Timestamp': timestamp, 'X-Browser-Use-Signature': signWebhook(key, timestamp, body) },
    body: JSON.stringify(body),
  })
}

describe('createBrowserUseWebhookHandler', () => {
  it('accepts a valid signature once, and refuses a forged, stale or replayed one', async () => {
    const received: BrowserUseWebhookEvent[] = []
    const handle = createBrowserUseWebhookHandler({ secret, onEvent: (e) => void received.push(e) })
    const valid = signed(event)
    const replay = valid.clone()
    expect((await handle(valid)).status).toBe(200)
    expect(received).toEqual([event])
    expect((await handle(replay)).status).toBe(409)
    expect((await handle(signed(event, undefined, 'whsec_forged'))).status).toBe(401)
    expect((await handle(signed({ ...event, payload: { ...event.payload, status: 'failed' } }, String(Math.floor(Date.now() / 1000) - 301)))).status).toBe(401)
    const tampered = signed(event)
    const forgedBody = new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: JSON.stringify({ ...event, payload: { ...event.payload, task_id: 't2' } }) })
    expect((await handle(forgedBody)).status).toBe(401)
    expect((await handle(new Request('http://app.example/x', { method: 'POST', body: '{}' }))).status).toBe(401)
    expect(received).toHaveLength(1)
  })

  it('ends the agent’s access of a task that ended, and asks Browser Use to retry when that fails', async () => {
    const ended: string[] = []
    let failNext = true
    const handle = createBrowserUseWebhookHandler({
      secret,
      endAccess: async (id) => {
        if (failNext) {
          failNext = false
          throw new Error('Clerk is down')
        }
        ended.push(id)
      },
    })
    const body = { ...event, payload: { ...event.payload, task_id: 't3' } }
    expect((await handle(signed(body))).status).toBe(500)
    expect((await handle(signed(body, String(Math.floor(Date.now() / 1000) + 1)))).status).toBe(200)
    expect(ended).toEqual(['agt_1'])
    const running = { ...event, payload: { ...event.payload, task_id: 't4', status: 'started' } }
    expect((await handle(signed(running))).status).toBe(200)
    expect(ended).toEqual(['agt_1'])
  })

  it('the same signed event sent 3 times at once is handled once: one 200, two 409', async () => {
    const received: string[] = []
    const ended: string[] = []
    const handle = createBrowserUseWebhookHandler({
      secret,
      onEvent: (e) => void received.push(e.payload.task_id),
      endAccess: async (id) => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        ended.push(id)
      },
    })
    const once = signed({ ...event, payload: { ...event.payload, task_id: 't5' } })
    const statuses = await Promise.all([once.clone(), once.clone(), once].map(async (request) => (await handle(request)).status))
    expect(statuses.sort()).toEqual([200, 409, 409])
    expect(received).toEqual(['t5'])
    expect(ended).toEqual(['agt_1'])
  })

  it('a handling that failed releases its claim: the same delivery again is handled, then refused as a replay', async () => {
    let calls = 0
    const handle = createBrowserUseWebhookHandler({
      secret,
      onEvent: () => {
        calls++
        if (calls === 1) throw new Error('the app’s database is down')
      },
      endAccess: async () => {
        if (calls === 2) throw new Error('Clerk is down')
      },
    })
    const delivery = signed({ ...event, payload: { ...event.payload, task_id: 't6' } })
    expect((await handle(delivery.clone())).status).toBe(500)
    expect((await handle(delivery.clone())).status).toBe(500)
    expect((await handle(delivery.clone())).status).toBe(200)
    expect((await handle(delivery.clone())).status).toBe(409)
    expect(calls).toBe(3)
  })

  it('a claim store that fails answers 503 and handles nothing', async () => {
    const received: unknown[] = []
    const handle = createBrowserUseWebhookHandler({
      secret,
      onEvent: (e) => void received.push(e),
      seen: {
        claim: async () => {
          throw new Error('Redis is down')
        },
        release: () => undefined,
      },
    })
    expect((await handle(signed(event))).status).toBe(503)
    expect(received).toEqual([])
  })

  // Computed with Python 3: json.dumps(body, sort_keys=True, separators=(',', ':')) (ensure_ascii by
  // default), then hmac.new(b'whsec_test', ('1790000000.' + dump).encode(), hashlib.sha256).hexdigest().
  const nonAscii = {
    type: 'agent.task.status_update',
    timestamp: '2026-11-24T00:00:00Z',
    payload: { task_id: 't-zoe', session_id: 's1', status: 'finished', metadata: { agentTaskId: 'agt_1', customer: 'Zoë 🚀', ｗide: 'x', '😀': 'y', del: 'a\u007fb' } },
  }
  const PYTHON_SIGNATURE = 'e117acfe9d30e3cda4f7a6ff90a7be34606dcb5bad9f40b7e0cbed138ea26b9f'

  it('verifies a non-ASCII event signed as Browser Use’s Python signer does (ensure_ascii escapes)', async () => {
    const received: BrowserUseWebhookEvent[] = []
    const handle = createBrowserUseWebhookHandler({ secret, toleranceSeconds: 10 * 365 * 24 * 3600, onEvent: (e) => void received.push(e) })
    const request = new Request('http://app.example/webhooks/browser-use', {
      method: 'POST',
      headers: { 'X-Browser-Use-Timestamp': '1790000000', 'X-Browser-Use-Signature': PYTHON_SIGNATURE },
      body: JSON.stringify(nonAscii),
    })
    expect((await handle(request)).status).toBe(200)
    expect(received[0]?.payload.metadata?.customer).toBe('Zoë 🚀')
  })

  it('verifies non-ASCII events from the emulator, and from a signer that writes UTF-8 as is', async () => {
    const received: string[] = []
    const handle = createBrowserUseWebhookHandler({ secret, onEvent: (e) => void received.push(e.payload.task_id) })
    expect((await handle(signed({ ...nonAscii, payload: { ...nonAscii.payload, task_id: 'emulated' } }))).status).toBe(200)
    // Sorted keys, no whitespace, JSON.stringify's strings: what a JavaScript signer would send.
    const utf8Body = { ...nonAscii, payload: { ...nonAscii.payload, task_id: 'utf8' } }
    const sortedUtf8 = (value: unknown): string =>
      value !== null && typeof value === 'object'
        ? `{${Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([key, item]) => `${JSON.stringify(key)}:${sortedUtf8(item)}`)
            .join(',')}}`
        : JSON.stringify(value)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const utf8Signature = createHmac('sha256', secret).update(`${timestamp}.${sortedUtf8(utf8Body)}`).digest('hex')
    const request = new Request('http://app.example/webhooks/browser-use', {
      method: 'POST',
      headers: { 'X-Browser-Use-Timestamp': timestamp, 'X-Browser-Use-Signature': utf8Signature },
      body: JSON.stringify(utf8Body),
    })
    expect((await handle(request)).status).toBe(200)
    expect(received).toEqual(['emulated', 'utf8'])
  })
})
