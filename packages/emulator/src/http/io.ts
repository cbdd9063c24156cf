import type { IncomingMessage, ServerResponse } from 'node:http'
import { traceId } from '../crypto/ids.js'
import { ApiError, errors } from './errors.js'

const MAX_BODY_BYTES = 1024 * 1024

/** Sends JSON with `Content-Type: application/json` exactly — @clerk/backend ignores bodies with a charset. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/** Sends an {@link ApiError} as `{ errors, clerk_trace_id }`. */
export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { errors: error.errors, clerk_trace_id: traceId() }, { ...error.headers, ...headers })
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(html),
  })
  res.end(html)
}

export function redirect(res: ServerResponse, status: 303 | 307, location: string, cookies: string[] = []): void {
  const headers: Record<string, string | string[]> = { Location: location, 'Cache-Control': 'no-store', 'Content-Length': '0' }
  if (cookies.length > 0) headers['Set-Cookie'] = cookies
  res.writeHead(status, headers)
  res.end()
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!header) return out
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    const name = part.slice(0, index).trim()
    if (!name || name in out) continue
    const raw = part.slice(index + 1).trim()
    try {
      out[name] = decodeURIComponent(raw)
    } catch {
      out[name] = raw
    }
  }
  return out
}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw ApiError.of(413, 'request_body_too_large', 'request body too large', 'The request body is too large.')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads a JSON object body; an empty body is `{}`. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  return parseJsonObject(await readText(req))
}

/** Parses a JSON object; empty text is `{}`, anything else than an object is a malformed body. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw errors.malformedBody()
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw errors.malformedBody()
  return parsed as Record<string, unknown>
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(req))
}
