import { bodyCutOff, bodyTooLarge, bodyTooSlow } from './body-errors.js'
import type { BodyLimits, ContractRequest } from './contract.js'

/**
 * A body some framework already parsed (Express `req.body` after `express.json()`, …), passed
 * along so the handler works whether or not a body parser ran first.
 */
export type PreParsedBody = { value: unknown }

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** Reads a Web body as UTF-8 text, at most `maxBytes`, within `timeoutMs` of starting. */
export async function readWebBody(body: ReadableStream<Uint8Array> | null, limits: BodyLimits): Promise<string> {
  if (body === null) return ''
  const reader = body.getReader()
  let timer: ReturnType<typeof setTimeout> | undefined
  // Raced rather than relying on `cancel()` to settle a pending read, which not every stream does.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(bodyTooSlow(limits.timeoutMs)), limits.timeoutMs)
  })
  try {
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const result = await Promise.race([reader.read().catch(() => Promise.reject(bodyCutOff())), deadline])
      if (result.done) break
      total += result.value.byteLength
      if (total > limits.maxBytes) throw bodyTooLarge(limits.maxBytes)
      chunks.push(result.value)
    }
    return new TextDecoder().decode(concat(chunks, total))
  } catch (error) {
    reader.cancel().catch(() => {})
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/** The contract's view of a Web `Request`. */
export function webContractRequest(request: Request, path: string | undefined, preParsed?: PreParsedBody): ContractRequest {
  return {
    method: request.method,
    path,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: async (limits) => (preParsed ? { parsed: preParsed.value } : { text: await readWebBody(request.body, limits) }),
  }
}
