import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, it } from 'vitest'
import { sendNodeResponse } from '../src/node.js'

it('answers with a Content-Length, not chunked framing (as the hand-written route does)', async () => {
  const body = JSON.stringify({ message: 'Agent Task created', note: 'Zoë 🚀' })
  const server = createServer((_req, res) => sendNodeResponse(res, { status: 201, headers: { 'Content-Type': 'application/json' }, body }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    expect(response.headers.get('transfer-encoding')).toBeNull()
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
    expect(await response.text()).toBe(body)
  } finally {
    server.close()
  }
})
