import { AgentTaskError, invalidRequest } from '../errors.js'
import { bodyTooLarge } from './body-errors.js'
import type { BodyLimits, ContractRequest } from './contract.js'

function isJsonMediaType(contentType: string): boolean {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

function unsupported(contentType: string | undefined): AgentTaskError {
  return new AgentTaskError(
    'unsupported_media_type',
    `Send the body as JSON with Content-Type: application/json${contentType ? ` (got ${contentType})` : ''}.`,
  )
}

function parseText(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return {}
  if (contentType === undefined || !isJsonMediaType(contentType)) throw unsupported(contentType)
  try {
    return JSON.parse(text)
  } catch {
    throw invalidRequest([{ field: '(body)', message: 'is not valid JSON' }])
  }
}

/**
 * The create request's body as a value for validation: empty → `{}`, over the limit → 413, not JSON
 * → 415 or 400. A value a framework parser produced is taken as it is (never re-serialised: a deeply
 * nested value would overflow the stack), and validation refuses anything but a plain object.
 */
export async function readCreateBody(request: ContractRequest, limits: BodyLimits): Promise<unknown> {
  const contentType = request.header('content-type')
  if (contentType !== undefined && !isJsonMediaType(contentType)) throw unsupported(contentType)
  const declaredLength = request.header('content-length')
  if (declaredLength !== undefined) {
    const length = Number(declaredLength)
    if (length > limits.maxBytes) throw bodyTooLarge(limits.maxBytes)
    if (length === 0) return {}
  }
  const body = await request.readBody(limits)
  if ('text' in body) return parseText(body.text, contentType)
  const { parsed } = body
  if (parsed === undefined) return {}
  if (typeof parsed === 'string') return parseText(parsed, contentType)
  if (parsed instanceof Uint8Array) return parseText(new TextDecoder().decode(parsed), contentType)
  if (contentType === undefined) throw unsupported(contentType)
  return parsed
}
