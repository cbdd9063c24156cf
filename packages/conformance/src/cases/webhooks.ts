import { afterAll, beforeAll, expect, it } from 'vitest'
import { call } from '../client.js'
import type { SuiteContext } from '../context.js'
import { expectProblem } from '../expect-problem.js'
import { type RelayedWebhook, startWebhookRelay } from '../webhook-relay.js'

const ROUTE = '/clerk-webhook'

async function until<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting for a webhook')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * `POST {base}/clerk-webhook` on the main app: the emulator sends Clerk's webhooks (signed as Svix
 * signs them, with the `CLERK_WEBHOOK_SIGNING_SECRET` the app read from its environment) through a
 * relay that keeps what the app answered. Clerk calls it server to server: no session, no origin.
 */
export function webhookCases(ctx: () => SuiteContext): void {
  let relay: Awaited<ReturnType<typeof startWebhookRelay>> | undefined
  let created: RelayedWebhook | undefined
  let agentTaskId = ''
  beforeAll(async () => {
    const c = ctx()
    relay = await startWebhookRelay(() => `${c.app.origin}${c.app.basePath}${ROUTE}`)
    c.emulator.setWebhookUrl(relay.url)
  })
  afterAll(async () => {
    ctx().emulator.setWebhookUrl(null)
    await relay?.close()
  })
  const relayed = () => relay?.relayed ?? []

  it('applies session.created of a used link from the webhook alone, with no signed-in caller', async () => {
    const c = ctx()
    const minted = await c.request(c.app, '', { bearer: c.ada.token, json: { taskDescription: 'webhook' } })
    expect(minted.status, minted.text).toBe(201)
    agentTaskId = minted.body.agentTask.agentTaskId
    expect((await fetch(minted.body.agentTask.url, { redirect: 'manual' })).status).toBe(307)
    created = await until(() => relayed().find((delivery) => delivery.body.includes('"session.created"') && delivery.body.includes(agentTaskId)))
    if (c.target.upstreamBodyParser) {
      // The body was parsed before the adapter ran: its bytes, which the signature covers, are gone.
      expect(created.status, created.answer).toBe(500)
      expect(JSON.parse(created.answer)).toMatchObject({ code: 'misconfigured', detail: expect.stringContaining('body parser') })
      return
    }
    expect(created.status, created.answer).toBe(200)
    expect(JSON.parse(created.answer)).toMatchObject({ message: 'Webhook received', type: 'session.created', applied: true, agentTaskId })
    const sessionId = c.emulator.state.sessions().find((session) => session.agentTaskId === agentTaskId)?.id
    const listed = await c.request(c.app, '', { method: 'GET', bearer: c.ada.token })
    expect(listed.body.data).toContainEqual(expect.objectContaining({ agentTaskId, status: 'used', sessions: [expect.objectContaining({ sessionId })] }))
  })

  it('acknowledges a replayed delivery without applying it again', async (context) => {
    const c = ctx()
    if (c.target.upstreamBodyParser) context.skip('the app parses the body before the adapter: nothing is verified')
    if (!created) throw new Error('no session.created was relayed')
    const replay = await c.request(c.app, ROUTE, { rawBody: created.body, headers: created.headers })
    expect(replay.status, replay.text).toBe(200)
    expect(replay.body).toMatchObject({ message: 'Webhook already received', applied: false })
  })

  it('refuses an unsigned or badly signed webhook with 401, never applying it', async () => {
    const c = ctx()
    if (!created) throw new Error('no session.created was relayed')
    const unsigned = await c.request(c.app, ROUTE, { rawBody: created.body })
    expectProblem(unsigned, 401, 'webhook_signature_invalid', ['svix-id', 'svix-timestamp', 'svix-signature'])
    const forged = { ...created.headers, 'svix-id': 'msg_forged', 'svix-signature': 'v1,bm90IGNsZXJrJ3Mgc2lnbmF0dXJl' }
    if (c.target.upstreamBodyParser) {
      expect((await call(`${c.app.origin}${c.app.basePath}${ROUTE}`, { rawBody: created.body, headers: forged })).status).toBe(500)
      return
    }
    expectProblem(await c.request(c.app, ROUTE, { rawBody: created.body.replace('"active"', '"ended"'), headers: forged }), 401, 'webhook_signature_invalid')
    const listed = await c.request(c.app, '', { method: 'GET', bearer: c.ada.token })
    expect(listed.body.data).toContainEqual(expect.objectContaining({ agentTaskId, status: 'used', sessions: [expect.objectContaining({ status: 'active' })] }))
  })

  it('answers 413 to a signed body over 64 KiB, and 405 with Allow to other methods', async () => {
    const c = ctx()
    if (!created) throw new Error('no session.created was relayed')
    const big = `{"pad":"${'x'.repeat(120 * 1024)}"}`
    if (c.target.upstreamBodyParser) {
      expect((await call(`${c.app.origin}${c.app.basePath}${ROUTE}`, { rawBody: big, headers: created.headers })).status).toBe(413)
    } else {
      expectProblem(await c.request(c.app, ROUTE, { rawBody: big, headers: created.headers }), 413, 'payload_too_large')
    }
    const get = await c.request(c.app, ROUTE, { method: 'GET' })
    expectProblem(get, 405, 'method_not_allowed')
    expect(get.headers.get('allow')).toBe('POST')
  })
}
