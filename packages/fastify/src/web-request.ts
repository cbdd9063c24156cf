import { Readable } from 'node:stream'
import type { PreParsedBody } from '@agent-tasks/core'
import { toWebRequest } from '@agent-tasks/core/node'
import type { FastifyRequest } from 'fastify'

/**
 * The request as core's Web-standard handler takes it. The body is the unread stream when the
 * contract's own pass-through parser ran, or what the app's parser made of it (the route helper on
 * an app route).
 */
export function toHandlerInput(request: FastifyRequest): { webRequest: Request; body?: PreParsedBody } {
  // Fastify's `protocol` and `host` honour `trustProxy`, so same-origin checks and default redirect
  // origins work behind a proxy.
  const origin = `${request.protocol}://${request.host}`
  if (request.body instanceof Readable) {
    return { webRequest: toWebRequest(request.raw, { origin, body: request.body }) }
  }
  const webRequest = toWebRequest(request.raw, { origin })
  if (request.body === undefined && !request.raw.readableEnded) return { webRequest }
  return { webRequest, body: { value: request.body } }
}
