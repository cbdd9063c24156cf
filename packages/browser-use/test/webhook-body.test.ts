import { once } from 'node:events'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { signWebhook } from '@agent-tasks/browser-use-emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrowserUseWebhookHandler } from '../src/index.js'

const secret = 'whsec_test'
const now = () => String(Math.floor(Date.now() / 1000))
/** Well-formed headers with a fresh timestamp but a signature nobody made: what an attacker can send. */
const forgedHeaders = () => ({ 'X-Browser-Use-Timestamp': now(), 'X-Browser-Use-Signature': 'ab'.repeat(32) })
const CHUNK = 16 * 1024

/** A body of up to `total` bytes that counts how many bytes the reader pulled from it. */
function countingBody(total: number) {
  const counter = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close()
      counter.pulled += CHUNK
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20))
    },
    cancel() {
      counter.cancelled = true
    },
  }, { highWaterMark: 0 })
  return { stream, counter }
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) =>
  new Request('http://app.example/webhooks/browser-use', { method: 'POST', headers, body, duplex: 'half' } as RequestInit)

describe('the webhook handler reads no more than it must', () => {
  it('stops pulling a 64 MiB body with no Content-Length at maxBodyBytes: 413, the stream cancelled', async () => {
    const handle = createBrowserUseWebhookHandler({ secret })
    const { stream, counter } = countingBody(64 * 1024 * 1024)
    const response = await handle(post(stream, forgedHeaders()))
    expect(response.status).toBe(413)
    expect(counter.pulled).toBeLessThan(256 * 1024)
    expect(counter.cancelled).toBe(true)
  })

  it('a Content-Length that lies (small) changes nothing: the read still stops at the cap', async () => {
    const handle = createBrowserUseWebhookHandler({ secret, maxBodyBytes: 1024 })
    const { stream, counter } = countingBody(8 * 1024 * 1024)
    const response = await handle(post(stream, { ...forgedHeaders(), 'Content-Length': '10' }))
    expect(response.status).toBe(413)
    expect(counter.pulled).toBeLessThan(128 * 1024)
  })

  it('refuses a declared Content-Length over the cap before reading a byte', async () => {
    const handle = createBrowserUseWebhookHandler({ secret })
    const { stream, counter } = countingBody(1024 * 1024)
    const response = await handle(post(stream, { ...forgedHeaders(), 'Content-Length': String(256 * 1024 * 1024) }))
    expect(response.status).toBe(413)
    expect(counter.pulled).toBe(0)
  })

  it('reads nothing of a request whose method, signature headers or timestamp are wrong', async () => {
    const handle = createBrowserUseWebhookHandler({ secret })
    for (const [headers, method, status] of [
      [{}, 'POST', 401],
      [{ 'X-Browser-Use-Timestamp': now(), 'X-Browser-Use-Signature': 'not-hex' }, 'POST', 401],
      [{ 'X-Browser-Use-Timestamp': String(Math.floor(Date.now() / 1000) - 3600), 'X-Browser-Use-Signature': 'ab'.repeat(32) }, 'POST', 401],
      [forgedHeaders(), 'PUT', 405],
    ] as const) {
      const { stream, counter } = countingBody(1024 * 1024)
      const request = new Request('http://app.example/webhooks/browser-use', { method, headers, body: stream, duplex: 'half' } as RequestInit)
      expect((await handle(request)).status).toBe(status)
      expect(counter.pulled).toBe(0)
    }
  })

  it('a signed event that fits is still handled', async () => {
    const received: unknown[] = []
    const handle = createBrowserUseWebhookHandler({ secret, maxBodyBytes: 1024, onEvent: (event) => void received.push(event) })
    const event = { type: 'agent.task.status_update', timestamp: '2026-11-24T00:00:00Z', payload: { task_id: 'fits', status: 'started' } }
    const timestamp = now()
    const response = await handle(post(JSON.stringify(event), { 'X-Browser-Use-Timestamp': timestamp, 'X-Browser-Use-Signature': signWebhook(secret, timestamp, event) }))
    expect(response.status).toBe(200)
    expect(received).toEqual([event])
  })
})

describe('the webhook handler behind a Node HTTP server', () => {
  let server: Server
  let port: number
  let bytesReadByServer = 0

  beforeAll(async () => {
    const handle = createBrowserUseWebhookHandler({ secret, bodyTimeoutMs: 300 })
    // The usual adapter from Node's request to a Web Request, counting what the handler pulls.
    server = createServer(async (req: IncomingMessage, res) => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      const counted = (Readable.toWeb(req) as ReadableStream<Uint8Array>).pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            bytesReadByServer += chunk.byteLength
            controller.enqueue(chunk)
          },
        }),
      )
      const response = await handle(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: counted, duplex: 'half' } as RequestInit))
      res.writeHead(response.status, { Connection: 'close' }).end(await response.text())
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  /** Sends headers, then `write` feeds the body until the answer comes; resolves to the status. */
  function send(headers: Record<string, string>, write: (req: ReturnType<typeof httpRequest>, answered: () => boolean) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      let answered = false
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/webhooks/browser-use', headers })
      req.on('response', (res) => {
        answered = true
        res.resume()
        resolve(res.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', (error) => (answered ? undefined : reject(error)))
      req.flushHeaders()
      write(req, () => answered)
    })
  }

  it('an unsigned POST declaring 256 MiB: 413 at once, nothing read', async () => {
    bytesReadByServer = 0
    const status = await send({ ...forgedHeaders(), 'Content-Length': String(256 * 1024 * 1024) }, (req) => req.write(Buffer.alloc(CHUNK)))
    expect(status).toBe(413)
    expect(bytesReadByServer).toBeLessThanOrEqual(CHUNK)
  })

  it('an unsigned chunked POST that never ends: 413 once past the cap, not read whole', async () => {
    bytesReadByServer = 0
    let written = 0
    const status = await send(forgedHeaders(), (req, answered) => {
      const pump = () => {
        while (!answered() && written < 32 * 1024 * 1024) {
          written += CHUNK
          if (!req.write(Buffer.alloc(CHUNK, 0x20))) return void req.once('drain', pump)
        }
      }
      pump()
    })
    expect(status).toBe(413)
    expect(bytesReadByServer).toBeLessThan(512 * 1024)
  })

  it('a body trickled slower than bodyTimeoutMs: 408', async () => {
    const started = Date.now()
    const status = await send({ ...forgedHeaders(), 'Content-Length': '1000' }, (req) => req.write('{"type":'))
    expect(status).toBe(408)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
