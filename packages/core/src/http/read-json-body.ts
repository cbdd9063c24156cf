import { AgentTaskError, invalidRequest } from '../errors.js'

/**
 * A body some framework already parsed (Express `req.body` after `express.json()`, …), passed
 * along so the handler works whether or not a body parser ran first.
 */
export type PreParsedBody = { value: unknown }

function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

function tooLarge(maxBytes: number): AgentTaskError {
  return new AgentTaskError('payload_too_large', `The request body must be at most ${maxBytes} bytes.`)
}

function unsupported(contentType: string | null): AgentTaskError {
  return new AgentTaskError(
    'unsupported_media_type',
    `Send the body as JSON with Content-Type: application/json${contentType ? ` (got ${contentType})` : ''}.`,
  )
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw invalidRequest([{ field: '(body)', message: 'is not valid JSON' }])
  }
}

function decodePreParsed(value: unknown): string | object | undefined {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value)
  if (typeof value === 'string' || value === undefined) return value
  return value as object
}

/** Reads a JSON object body: empty → `{}`, over the limit → 413, not JSON → 415 or 400. */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  preParsed?: PreParsedBody,
): Promise<unknown> {
  const contentType = request.headers.get('content-type')
  const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declaredLength > maxBytes) throw tooLarge(maxBytes)

  if (preParsed !== undefined) {
    const value = decodePreParsed(preParsed.value)
    if (typeof value === 'object') {
      if (!isJsonMediaType(contentType)) throw unsupported(contentType)
      if (new TextEncoder().encode(JSON.stringify(value)).byteLength > maxBytes) throw tooLarge(maxBytes)
      return value
    }
    return interpret(value ?? '', contentType, maxBytes)
  }
  if (declaredLength === 0) return {}
  if (contentType !== null && !isJsonMediaType(contentType)) throw unsupported(contentType)
  const bytes = await readLimited(request, maxBytes)
  return interpret(new TextDecoder().decode(bytes), contentType, maxBytes)
}

function interpret(text: string, contentType: string | null, maxBytes: number): unknown {
  if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge(maxBytes)
  if (text.trim() === '') return {}
  if (!isJsonMediaType(contentType)) throw unsupported(contentType)
  return parseJson(text)
}
