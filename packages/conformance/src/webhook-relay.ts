import { createServer } from 'node:http'

/** One webhook as the emulator sent it, and what the app answered. */
export interface RelayedWebhook {
  headers: Record<string, string>
  body: string
  /** The app's answer. */
  status: number
  answer: string
}

/**
 * A loopback hop between the emulator (Clerk) and the app's webhook route: it passes each delivery on
 * byte for byte, Svix headers included, and keeps what was sent and what the app answered, which the
 * emulator does not show. Only transport: what the app verifies is what Clerk signed.
 */
export async function startWebhookRelay(target: () => string): Promise<{ url: string; relayed: RelayedWebhook[]; close(): Promise<void> }> {
  const relayed: RelayedWebhook[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const headers: Record<string, string> = {}
    for (const name of ['content-type', 'user-agent', 'svix-id', 'svix-timestamp', 'svix-signature']) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const response = await fetch(target(), { method: 'POST', headers, body, redirect: 'manual' })
    const answer = await response.text()
    relayed.push({ headers, body, status: response.status, answer })
    res.writeHead(response.status).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('webhook relay has no port')
  return {
    url: `http://127.0.0.1:${address.port}/clerk-webhook`,
    relayed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
