import { createServer } from 'node:http'
import type { RecordEvent } from './profiles.js'

/** A loopback endpoint where an out-of-process app's audit hooks POST their events. */
export async function startEventCollector(record: RecordEvent): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const { hook, event } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { hook: string; event: Record<string, unknown> }
    await record(hook, event)
    res.writeHead(204).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('event collector has no port')
  return {
    url: `http://127.0.0.1:${address.port}/events`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
