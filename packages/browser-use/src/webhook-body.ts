export interface BodyLimits {
  /** Most bytes read; past them the read stops. */
  maxBytes: number
  /** Longest the whole body may take to arrive. */
  timeoutMs: number
}

export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 408 | 413; message: string }

const tooLarge = (maxBytes: number): BodyRead => ({ ok: false, status: 413, message: `Body larger than ${maxBytes} bytes.` })

/**
 * Reads a request body as UTF-8 without trusting its sender: refuses a declared `Content-Length` over
 * `maxBytes` before reading anything, then pulls the stream chunk by chunk and stops (cancelling it)
 * as soon as more than `maxBytes` arrived — a missing or lying `Content-Length` changes nothing — or
 * when `timeoutMs` passed (a sender trickling bytes to hold the connection open).
 */
export async function readBodyWithin(request: Request, limits: BodyLimits): Promise<BodyRead> {
  const declared = request.headers.get('content-length')
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) return { ok: false, status: 400, message: 'Malformed Content-Length.' }
    if (Number(declared) > limits.maxBytes) return tooLarge(limits.maxBytes)
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limits.timeoutMs)
  })
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut])
      if (next === 'timeout') {
        void reader.cancel().catch(() => undefined)
        return { ok: false, status: 408, message: `Body not received within ${limits.timeoutMs} ms.` }
      }
      if (next.done) break
      received += next.value.byteLength
      if (received > limits.maxBytes) {
        void reader.cancel().catch(() => undefined)
        return tooLarge(limits.maxBytes)
      }
      chunks.push(next.value)
    }
  } catch {
    return { ok: false, status: 400, message: 'The body could not be read.' }
  } finally {
    clearTimeout(timer)
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, status: 400, message: 'Body is not UTF-8.' }
  }
}
