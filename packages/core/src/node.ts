/**
 * The Node bridge for adapters of Node frameworks (Express, Fastify, …): the contract's request read
 * straight from `IncomingMessage`, its response written straight to `ServerResponse`. No Web
 * `Request`/`Response` is built on the way. Kept out of the main entry so that one runs on edge runtimes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import { bodyCutOff, bodyTooLarge, bodyTooSlow } from './http/body-errors.js'
import type { BodyLimits, ContractRequest, ContractResponse } from './http/contract.js'
import type { PreParsedBody } from './http/web-request.js'

/** The fields Node frameworks add to `IncomingMessage` that the bridge can use. */
export interface NodeRequestLike extends IncomingMessage {
  body?: unknown
  _body?: boolean
}

/** What a body parser already made of the body (`express.json()`, …), or `undefined` when none read it. */
export function parsedBodyOf(req: NodeRequestLike): PreParsedBody | undefined {
  return req._body === true || req.readableEnded ? { value: req.body } : undefined
}

/** Reads a Node stream as UTF-8 text, at most `maxBytes`, within `timeoutMs`. A client that leaves is no server error. */
export function readNodeBody(stream: Readable, limits: BodyLimits): Promise<string> {
  if (stream.readableEnded) return Promise.resolve('')
  if (stream.destroyed) return Promise.reject(bodyCutOff())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const finish = (error: Error | undefined) => {
      clearTimeout(timer)
      stream.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone)
      if (error) reject(error)
      else resolve(Buffer.concat(chunks, total).toString('utf8'))
    }
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      total += bytes.byteLength
      if (total > limits.maxBytes) finish(bodyTooLarge(limits.maxBytes))
      else chunks.push(bytes)
    }
    const onEnd = () => finish(undefined)
    const onGone = () => finish(bodyCutOff())
    const timer = setTimeout(() => finish(bodyTooSlow(limits.timeoutMs)), limits.timeoutMs)
    stream.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone)
  })
}

export interface NodeContractRequestOptions {
  /** Path below the mount point, as sent (`/`, `/{id}/revoke`). */
  path: string
  /** What a body parser made of the body, when one ran (see `parsedBodyOf`). */
  parsed?: PreParsedBody | undefined
  /** The stream to read the body from instead of `req` (a framework's decompressing wrapper). */
  stream?: Readable | undefined
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

function queryOf(url: string): URLSearchParams {
  const start = url.indexOf('?')
  return new URLSearchParams(start === -1 ? '' : url.slice(start + 1))
}

/** The contract's view of a Node request. */
export function nodeContractRequest(req: IncomingMessage, options: NodeContractRequestOptions): ContractRequest {
  const { parsed, stream = req } = options
  return {
    method: req.method ?? 'GET',
    path: options.path,
    header: (name) => headerOf(req, name),
    query: (name) => queryOf(req.url ?? '').get(name) ?? undefined,
    readBody: async (limits) => (parsed ? { parsed: parsed.value } : { text: await readNodeBody(stream, limits) }),
  }
}

/**
 * Writes a contract response to a Node response, with its `Content-Length`: `writeHead` sends the
 * headers before `end` sees the body, so without it Node would frame every answer as chunked (more
 * bytes and writes per response than the hand-written route, measured by the bench's profile).
 */
export function sendNodeResponse(res: ServerResponse, response: ContractResponse): void {
  res.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) }).end(response.body)
}
