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
  // The rest of a body past a limit is left unread rather than cancelled: cancelling the stream of a
  // Node-backed `Request` destroys the socket before the 408 or 413 can go out (`Connection: close`
  // ends it after the answer instead). Raced, so a read that never settles cannot hold the request.
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
    query: (name) => new URL(request.url).searchParams.get(name) ?? undefined,
    readBody: async (limits) => (preParsed ? { parsed: preParsed.value } : { text: await readWebBody(request.body, limits) }),
  }
}
