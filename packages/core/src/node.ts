/**
 * Bridges Node's `http` request/response objects to the Web-standard handler, for adapters of
 * Node frameworks (Express, Fastify, …). Kept out of the main entry so that one runs on edge runtimes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { PreParsedBody } from './http/read-json-body.js'

/** The fields Node frameworks add to `IncomingMessage` that the bridge can use. */
export interface NodeRequestLike extends IncomingMessage {
  originalUrl?: string
  protocol?: string
  body?: unknown
  _body?: boolean
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  return headers
}

function protocolOf(req: NodeRequestLike): string {
  if (req.protocol === 'http' || req.protocol === 'https') return req.protocol
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
}

/** `true` once a body parser has read the request stream (so `req.body` holds the body). */
export function bodyWasParsed(req: NodeRequestLike): boolean {
  return req._body === true || req.readableEnded
}

/** The body a parser already produced, if any, for `HandleOptions.body`. */
export function preParsedBodyOf(req: NodeRequestLike): PreParsedBody | undefined {
  return bodyWasParsed(req) ? { value: req.body } : undefined
}

/** What a framework knows better than the raw request, for `toWebRequest`. */
export interface ToWebRequestOptions {
  /** `protocol://host` the app is reached at, e.g. from trusted proxy headers. Default: the `Host` header and socket. */
  origin?: string
  /** The stream to read the body from when the framework wrapped `req` (e.g. a decompressing hook). */
  body?: Readable
}

/** A `Request` for the same URL, method and headers; the body streams from `req` unless already read. */
export function toWebRequest(req: NodeRequestLike, options: ToWebRequestOptions = {}): Request {
  const origin = options.origin ?? `${protocolOf(req)}://${req.headers.host ?? 'localhost'}`
  const url = new URL(req.originalUrl ?? req.url ?? '/', origin)
  const method = req.method ?? 'GET'
  const body = options.body ?? (bodyWasParsed(req) ? undefined : req)
  const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined
  return new Request(url, {
    method,
    headers: headersOf(req),
    ...(hasBody ? { body: Readable.toWeb(body) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit)
}

/** Writes a `Response` to a Node `ServerResponse`. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    res.setHeader(name, value)
  })
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  res.end(body)
}
