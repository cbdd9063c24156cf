import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyWebhook } from '@clerk/backend/webhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-args.js'
import { type Emulator, type EmulatorOptions, startEmulator, type WebhookDelivery } from '../src/index.js'
import { browse, CookieJar, clerkFor, mintAdaLink } from './helpers.js'

interface Received {
  headers: Record<string, string>
  body: string
}

/** A real HTTP endpoint on 127.0.0.1 that records every webhook and answers what `answer` says (default 200). */
async function startReceiver(answer: (index: number) => number | Promise<number> = () => 200) {
  const received: Received[] = []
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const index = received.length
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(await answer(index)).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Verifies a received delivery the way an app does: `verifyWebhook` from `@clerk/backend/webhooks`. */
function verified(delivery: Received, signingSecret: string) {
  const request = new Request('http://127.0.0.1/webhooks', { method: 'POST', headers: delivery.headers, body: delivery.body })
  return verifyWebhook(request, { signingSecret })
}

async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(webhooks: EmulatorOptions['webhooks'], answer?: (index: number) => number | Promise<number>) {
  const receiver = await startReceiver(answer)
  const emulator: Emulator = await startEmulator({
    users: [{ email: 'ada@example.com', firstName: 'Ada' }],
    rateLimit: false,
    webhooks: { url: receiver.url, ...webhooks },
  })
  cleanups.push(() => receiver.close(), () => emulator.close())
  const ada = emulator.users.findByEmail('ada@example.com')?.id ?? ''
  return { receiver, emulator, ada }
}

const types = (received: Received[]) => received.map((r) => (JSON.parse(r.body) as { type: string }).type)

describe('webhooks: what the emulator sends', () => {
  it('sends session.created for an agent-task link, signed as Svix signs, with the actor naming the task', async () => {
    const { receiver, emulator, ada } = await setup({})
    expect(emulator.webhookSigningSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    expect(emulator.env.CLERK_WEBHOOK_SIGNING_SECRET).toBe(emulator.webhookSigningSecret)
    const task = await mintAdaLink(emulator, 'http://127.0.0.1:9/after')
    const used = await fetch(task.url, { redirect: 'manual', headers: { 'User-Agent': 'agent-browser/1.0' } })
    expect(used.status).toBe(307)
    const [delivery] = await until(() => (receiver.received.length > 0 ? receiver.received : undefined))
    if (!delivery) throw new Error('no delivery')
    expect(delivery.headers['svix-id']).toMatch(/^msg_/)
    expect(Number(delivery.headers['svix-timestamp'])).toBeCloseTo(Date.now() / 1000, -1)
    expect(delivery.headers['svix-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    expect(delivery.headers['content-type']).toBe('application/json')

    const event = await verified(delivery, emulator.webhookSigningSecret)
    const session = emulator.state.sessions().find((s) => s.agentTaskId === task.agentTaskId)
    expect(event).toMatchObject({
      type: 'session.created',
      object: 'event',
      instance_id: expect.stringMatching(/^ins_/),
      timestamp: expect.any(Number),
      event_attributes: { http_request: { client_ip: '127.0.0.1', user_agent: 'agent-browser/1.0' } },
      data: {
        object: 'session',
        id: session?.id,
        user_id: ada,
        status: 'active',
        actor: { type: 'agent', sub: task.agentId, task_id: task.agentTaskId },
        user: { object: 'user', id: ada, first_name: 'Ada' },
      },
    })
    expect(emulator.state.webhookDeliveries()).toEqual([
      { eventType: 'session.created', svixId: delivery.headers['svix-id'], attempt: 1, ok: true, status: 200, at: expect.any(Number) },
    ])
  })

  it('a signature made with another secret, or over another body, is refused by @clerk/backend', async () => {
    const { receiver, emulator, ada } = await setup({})
    await emulator.signIn(ada)
    const [delivery] = await until(() => (receiver.received.length > 0 ? receiver.received : undefined))
    if (!delivery) throw new Error('no delivery')
    await expect(verified(delivery, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).rejects.toThrow(/verify/)
    await expect(verified({ ...delivery, body: delivery.body.replace('active', 'ended') }, emulator.webhookSigningSecret)).rejects.toThrow(/verify/)
  })

  it('sends session.revoked, session.ended, session.removed and the user events, each when Clerk would', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const { receiver, emulator, ada } = await setup({ signingSecret: secret })
    expect(emulator.webhookSigningSecret).toBe(secret)
    const clerk = clerkFor(emulator)

    // revoked: through the Backend API
    const { sessionId } = await emulator.signIn(ada)
    await clerk.sessions.revokeSession(sessionId)

    // ended: signing out on the hosted page
    const jar = new CookieJar()
    const form = new URLSearchParams({ user_id: ada })
    const signedIn = await browse(emulator.signInUrl, jar, { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(signedIn.final.status).toBe(200)
    expect((await browse(`${emulator.url}/sign-out`, jar)).final.status).toBe(200)

    // user.created, then removed + user.deleted
    const grace = await clerk.users.createUser({ emailAddress: ['grace@example.com'] })
    await emulator.signIn(grace.id)
    await clerk.users.deleteUser(grace.id)

    const expected = [
      'session.created',
      'session.revoked',
      'session.created',
      'session.ended',
      'user.created',
      'session.created',
      'session.removed',
      'user.deleted',
    ]
    await until(() => (receiver.received.length >= expected.length ? true : undefined))
    const events = await Promise.all(receiver.received.map((delivery) => verified(delivery, secret)))
    expect(events.map((event) => event.type).sort()).toEqual([...expected].sort())
    const byType = (type: string) => events.filter((event) => event.type === type)
    expect(byType('session.revoked')[0]?.data).toMatchObject({ id: sessionId, status: 'revoked' })
    expect(byType('session.ended')[0]?.data).toMatchObject({ status: 'ended', user_id: ada })
    expect(byType('session.removed')[0]?.data).toMatchObject({ status: 'removed', user_id: grace.id })
    expect(byType('user.created')[0]?.data).toMatchObject({ object: 'user', id: grace.id })
    expect(byType('user.deleted')[0]?.data).toEqual({ object: 'user', id: grace.id, deleted: true })
  })

  it('retries a failed delivery with the same svix-id, freshly signed, until the endpoint takes it', async () => {
    const { receiver, emulator, ada } = await setup({ retryDelaysMs: [20, 20, 20] }, (index) => (index < 2 ? 500 : 204))
    await emulator.signIn(ada)
    const deliveries = await until(() => {
      const all = emulator.state.webhookDeliveries()
      return all.length >= 3 ? all : undefined
    })
    expect(deliveries.map((d: WebhookDelivery) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 204, true],
    ])
    expect(new Set(deliveries.map((d) => d.svixId)).size).toBe(1)
    expect(new Set(receiver.received.map((r) => r.headers['svix-id'])).size).toBe(1)
    for (const delivery of receiver.received) await expect(verified(delivery, emulator.webhookSigningSecret)).resolves.toMatchObject({ type: 'session.created' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(receiver.received).toHaveLength(3)
  })

  it('records a network error, retries, and gives up after the last delay', async () => {
    const { receiver, emulator, ada } = await setup({ retryDelaysMs: [10] })
    await receiver.close()
    await emulator.signIn(ada)
    const deliveries = await until(() => {
      const all = emulator.state.webhookDeliveries()
      return all.length >= 2 ? all : undefined
    })
    expect(deliveries.map((d) => [d.attempt, d.ok, d.status])).toEqual([
      [1, false, undefined],
      [2, false, undefined],
    ])
    expect(deliveries[0]?.error).toMatch(/fetch failed|ECONNREFUSED/)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(emulator.state.webhookDeliveries()).toHaveLength(2)
  })

  it('closing the emulator stops pending retries', async () => {
    const { receiver, emulator, ada } = await setup({ retryDelaysMs: [150, 150] }, () => 503)
    await emulator.signIn(ada)
    await until(() => (receiver.received.length === 1 ? true : undefined))
    await emulator.close()
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(receiver.received).toHaveLength(1)
  })

  it('reset() drops pending retries and the recorded deliveries', async () => {
    const { receiver, emulator, ada } = await setup({ retryDelaysMs: [150] }, () => 503)
    await emulator.signIn(ada)
    await until(() => (emulator.state.webhookDeliveries().length === 1 ? true : undefined))
    emulator.state.reset()
    expect(emulator.state.webhookDeliveries()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(receiver.received).toHaveLength(1)
  })

  it('never makes the request that caused the event wait for the endpoint', async () => {
    let release: () => void = () => {}
    const held = new Promise<number>((resolve) => {
      release = () => resolve(200)
    })
    const { receiver, emulator, ada } = await setup({}, () => held)
    cleanups.push(() => release())
    const { sessionId } = await emulator.signIn(ada)
    const started = Date.now()
    await clerkFor(emulator).sessions.revokeSession(sessionId)
    expect(Date.now() - started).toBeLessThan(1000)
    await until(() => (receiver.received.length === 2 ? true : undefined))
    expect(emulator.state.webhookDeliveries()).toEqual([])
    release()
    await until(() => (emulator.state.webhookDeliveries().length === 2 ? true : undefined))
  })

  it('setWebhookUrl points later events elsewhere, or (null) stops them', async () => {
    const { receiver, emulator, ada } = await setup({})
    const other = await startReceiver()
    cleanups.push(() => other.close())
    emulator.setWebhookUrl(other.url)
    await emulator.signIn(ada)
    await until(() => (other.received.length === 1 ? true : undefined))
    emulator.setWebhookUrl(null)
    await emulator.signIn(ada)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(types(other.received)).toEqual(['session.created'])
    expect(receiver.received).toEqual([])
    expect(() => emulator.setWebhookUrl('ftp://x')).toThrow('setWebhookUrl(url) must be an http(s) URL')
  })
})

describe('webhooks: configuration', () => {
  it('sends nothing and adds nothing to env without the webhooks option', async () => {
    const emulator = await startEmulator()
    cleanups.push(() => emulator.close())
    expect(emulator.env.CLERK_WEBHOOK_SIGNING_SECRET).toBeUndefined()
    expect(emulator.webhookSigningSecret).toMatch(/^whsec_/)
  })

  it('refuses bad options, naming them', async () => {
    await expect(startEmulator({ webhooks: { url: 'not a url' } })).rejects.toThrow('webhooks.url must be an absolute http(s) URL')
    await expect(startEmulator({ webhooks: { signingSecret: 'sk_test_x' } })).rejects.toThrow('webhooks.signingSecret must be "whsec_"')
    await expect(startEmulator({ webhooks: { retryDelaysMs: [-1] } })).rejects.toThrow('webhooks.retryDelaysMs')
  })

  it('--webhook-url on the command line, for serve and run', () => {
    expect(parseCli(['--webhook-url', 'http://127.0.0.1:3000/api/agent-tasks/clerk-webhook'])).toMatchObject({
      kind: 'serve',
      options: { webhooks: { url: 'http://127.0.0.1:3000/api/agent-tasks/clerk-webhook' } },
    })
    expect(parseCli(['run', '--webhook-url', 'http://localhost:3000/hook', '--', 'next', 'dev'])).toMatchObject({
      kind: 'run',
      options: { webhooks: { url: 'http://localhost:3000/hook' } },
    })
    expect(() => parseCli(['--webhook-url', 'nope'])).toThrow('--webhook-url must be an absolute http(s) URL')
  })
})
