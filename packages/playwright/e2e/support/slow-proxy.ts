import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

export interface SlowRoute {
  method: string
  path: string
  /** Held this long before it is forwarded (so what it creates exists only after the wait). */
  delayMs: number
}

export interface SlowProxy {
  /** `http://127.0.0.1:<port>`: give it as the Backend API URL. */
  url: string
  /** Requests to `method path` that arrived and that the emulator has not answered yet (the caller may be gone). */
  inFlight(method: string, path: string): number
  /** Requests of any kind the emulator has not answered yet. */
  unanswered(): number
  close(): Promise<void>
}

/**
 * A forwarding proxy in front of the emulator's Backend API that holds some requests for a while: a slow
 * Clerk, and a way to see that a call is in flight (the emulator only logs a request once it is answered).
 */
export async function startSlowProxy(target: string, routes: readonly SlowRoute[]): Promise<SlowProxy> {
  const pending = new Map<string, number>()
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', target)
    const id = key(req.method ?? 'GET', url.pathname)
    pending.set(id, (pending.get(id) ?? 0) + 1)
    let answered = false
    const done = () => {
      if (answered) return
      answered = true
      pending.set(id, (pending.get(id) ?? 1) - 1)
    }
    // Read the body now: the caller may be gone by the time the request is forwarded, as with a real API.
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const route = routes.find((r) => key(r.method, r.path) === id)
    if (route) await sleep(route.delayMs)
    const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
      answer.once('end', done)
      if (res.destroyed) {
        answer.resume()
        return
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.once('error', () => {
      done()
      res.destroy()
    })
    upstream.end(Buffer.concat(chunks))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    inFlight: (method, path) => pending.get(key(method, path)) ?? 0,
    unanswered: () => [...pending.values()].reduce((sum, n) => sum + n, 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
