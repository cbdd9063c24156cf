import { Readable } from 'node:stream'
import type { NodeContractRequestOptions } from '@agent-tasks/core/node'
import type { FastifyRequest } from 'fastify'

/**
 * Where the body comes from: the unread stream the contract's pass-through parser handed on (maybe
 * wrapped by a `preParsing` hook), the raw request when no parser ran, or what the app's own parser
 * made of it (the route helper on an app route).
 */
export function bodyOf(request: FastifyRequest): Pick<NodeContractRequestOptions, 'parsed' | 'stream'> {
  if (request.body instanceof Readable) return { stream: request.body }
  if (request.body === undefined && !request.raw.readableEnded) return {}
  return { parsed: { value: request.body } }
}
