import { createServer, type Server } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { BrowserUse, BrowserUseError } from 'browser-use-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserUseEmulator, canonicalJson, signWebhook, startBrowserUseEmulator } from '../src/index.js'

let emulator: BrowserUseEmulator
let site: Server
let siteUrl: string
let port: number
const webhooks: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = []

beforeAll(async () => {
  // A small site on 127.0.0.1: a page with a header and a heading, one that redirects to localhost
  // (another host, for allowedDomains), and the webhook receiver.
  site = createServer((req, res) => {
    if (req.url === '/webhook') {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        webhooks.push({ headers: req.headers, body })
        res.end()
      })
      return
    }
    if (req.url === '/elsewhere') return res.writeHead(302, { Location: `http://localhost:${port}/dashboard` }).end()
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Dash</title><header>Welcome, Ada</header><h1>Dashboard</h1>')
  })
  site.listen(0, '127.0.0.1')
  await once(site, 'listening')
  port = (site.address() as AddressInfo).port
  siteUrl = `http://127.0.0.1:${port}`
  emulator = await startBrowserUseEmulator({ maxConcurrentTasks: 2, webhook: { url: `${siteUrl}/webhook`, secret: 'whsec_test' } })
}, 30_000)

afterAll(async () => {
  await emulator?.close()
  site?.close()
})

const client = () => new BrowserUse({ apiKey: emulator.apiKey, baseUrl: emulator.baseUrl, maxRetries: 0 })
const allowed = () => [`127.0.0.1:${port}`]

describe('the offline Browser Use Cloud, through browser-use-sdk', () => {
  it('runs a task: the agent opens startUrl in Chromium and reports the heading and header', async () => {
    const bu = client()
    const created = await bu.tasks.create({ task: 'Report the greeting', startUrl: `${siteUrl}/dashboard`, allowedDomains: allowed(), metadata: { agentTaskId: 'agt_1', customer: 'Zoë 🚀' } })
    const task = await bu.tasks.wait(created.id, { interval: 100, timeout: 20_000 })
    expect(task).toMatchObject({ id: created.id, sessionId: created.sessionId, status: 'finished', isSuccess: true, metadata: { agentTaskId: 'agt_1', customer: 'Zoë 🚀' } })
    expect(task.output).toContain('Heading: Dashboard')
    expect(task.output).toContain('Header: Welcome, Ada')
    expect(task.steps[0]).toMatchObject({ number: 1, url: `${siteUrl}/dashboard` })
    expect(await bu.tasks.status(created.id)).toMatchObject({ status: 'finished', isSuccess: true })
    const session = await bu.sessions.get(created.sessionId)
    expect(session).toMatchObject({ id: created.sessionId, status: 'stopped' })
  })

  it('refuses navigation outside allowedDomains', async () => {
    const bu = client()
    const created = await bu.tasks.create({ task: 'Follow the redirect', startUrl: `${siteUrl}/elsewhere`, allowedDomains: allowed() })
    const task = await bu.tasks.wait(created.id, { interval: 100, timeout: 20_000 })
    expect(task, JSON.stringify({ output: task.output, steps: task.steps.map((s) => s.url) })).toMatchObject({ status: "finished", isSuccess: false })
    expect(task.output).toMatch(/refused: http:\/\/localhost:\d+ is not in allowedDomains/)
  })

  it('answers with Browser Use’s error shapes: 401, 422 detail[], 404, 429', async () => {
    const wrongKey = new BrowserUse({ apiKey: 'nope', baseUrl: emulator.baseUrl, maxRetries: 0 })
    await expect(wrongKey.tasks.create({ task: 'x' })).rejects.toMatchObject({ statusCode: 401 })
    const invalid = await client()
      .tasks.create({ task: '', maxSteps: 0 } as never)
      .catch((error: unknown) => error)
    expect(invalid).toBeInstanceOf(BrowserUseError)
    expect((invalid as BrowserUseError).statusCode).toBe(422)
    const { detail } = (invalid as BrowserUseError).detail as { detail: Array<{ loc: string[] }> }
    expect(detail.map((d) => d.loc.at(-1)).sort()).toEqual(['maxSteps', 'task'])
    await expect(client().tasks.get('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ statusCode: 404 })

    emulator.faults.add({ kind: 'task-hangs', times: 2 })
    const bu = client()
    const first = await bu.tasks.create({ task: 'hang', startUrl: `${siteUrl}/a`, allowedDomains: allowed() })
    const second = await bu.tasks.create({ task: 'hang', startUrl: `${siteUrl}/b`, allowedDomains: allowed() })
    await expect(bu.tasks.create({ task: 'one too many' })).rejects.toMatchObject({ statusCode: 429 })
    expect((await bu.tasks.stop(first.id)).status).toBe('stopped')
    expect((await bu.tasks.stopTaskAndSession(second.id)).status).toBe('stopped')
  })

  it('injects faults: a failed task, an HTTP status, a dropped connection', async () => {
    const bu = client()
    emulator.faults.add({ kind: 'task-fails', times: 1 })
    const failing = await bu.tasks.create({ task: 'fail', startUrl: `${siteUrl}/dashboard`, allowedDomains: allowed() })
    await expect.poll(async () => (await bu.tasks.status(failing.id)).status, { interval: 100, timeout: 20_000 }).toBe('failed')
    emulator.faults.add({ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 503, times: 1 })
    await expect(bu.tasks.create({ task: 'x' })).rejects.toMatchObject({ statusCode: 503 })
    emulator.faults.add({ kind: 'http', path: /^\/api\/v2\/tasks\/[^/]+\/status$/, dropConnection: true, times: 1 })
    await expect(bu.tasks.status(failing.id)).rejects.toThrow()
    expect((await bu.tasks.status(failing.id)).status).toBe('failed')
    emulator.faults.add({ kind: 'http', method: 'POST', path: '/api/v2/tasks', status: 422, echoInput: true, times: 1 })
    const echoed = await bu.tasks.create({ task: 'x', startUrl: `${siteUrl}/sign-in?ticket=secret` }).catch((error: unknown) => error)
    expect(echoed).toMatchObject({ statusCode: 422 })
    expect((echoed as BrowserUseError).detail).toMatchObject({ detail: [{ loc: ['body'], input: { task: 'x', startUrl: `${siteUrl}/sign-in?ticket=secret` } }] })
    expect((echoed as Error).message).toContain('ticket=secret')
  })

  it('sends webhooks signed as Browser Use signs them', async () => {
    await expect.poll(() => webhooks.length, { timeout: 5000 }).toBeGreaterThan(0)
    for (const { headers, body } of webhooks) {
      const timestamp = headers['x-browser-use-timestamp'] as string
      expect(headers['x-browser-use-signature']).toBe(signWebhook('whsec_test', timestamp, JSON.parse(body)))
      expect(JSON.parse(body)).toMatchObject({ type: 'agent.task.status_update', payload: { task_id: expect.any(String), status: expect.any(String) } })
    }
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}')
    const nonAscii = webhooks.map(({ body }) => JSON.parse(body)).find((event) => event.payload.metadata?.customer)
    expect(nonAscii?.payload.metadata.customer).toBe('Zoë 🚀')
  })

  it('signs non-ASCII text as Browser Use’s Python signer does: json.dumps with sort_keys, escaping it', () => {
    const body = {
      type: 'agent.task.status_update',
      timestamp: '2026-11-24T00:00:00Z',
      payload: { task_id: 't-zoe', session_id: 's1', status: 'finished', metadata: { agentTaskId: 'agt_1', customer: 'Zoë 🚀', ｗide: 'x', '😀': 'y', del: 'a\u007fb' } },
    }
    // Both printed by Python 3: json.dumps(body, sort_keys=True, separators=(',', ':')) and the
    // hex HMAC-SHA256 of '1790000000.' + that, keyed with whsec_test.
    expect(canonicalJson(body)).toBe(
      '{"payload":{"metadata":{"agentTaskId":"agt_1","customer":"Zo\\u00eb \\ud83d\\ude80","del":"a\\u007fb","\\uff57ide":"x","\\ud83d\\ude00":"y"},"session_id":"s1","status":"finished","task_id":"t-zoe"},"timestamp":"2026-11-24T00:00:00Z","type":"agent.task.status_update"}',
    )
    expect(signWebhook('whsec_test', '1790000000', body)).toBe('e117acfe9d30e3cda4f7a6ff90a7be34606dcb5bad9f40b7e0cbed138ea26b9f')
  })
})
