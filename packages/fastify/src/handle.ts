import { AgentTaskError, type AgentTasks, problemResponse } from '@agent-tasks/core'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readAuth } from './auth.js'
import { toHandlerInput } from './web-request.js'

async function respond(agentTasks: AgentTasks<FastifyRequest>, request: FastifyRequest, path: string): Promise<Response> {
  try {
    const auth = readAuth(request)
    const { webRequest, body } = toHandlerInput(request)
    return await agentTasks.handle(webRequest, { auth, context: request, path, ...(body === undefined ? {} : { body }) })
  } catch (error) {
    if (error instanceof AgentTaskError) return problemResponse(error)
    throw error
  }
}

/** Runs one request through the core HTTP contract, `path` being the route below the mount point. */
export async function handleFastifyRequest(
  agentTasks: AgentTasks<FastifyRequest>,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<FastifyReply> {
  const response = await respond(agentTasks, request, path)
  reply.code(response.status)
  response.headers.forEach((value, name) => {
    reply.header(name, value)
  })
  // A buffer rather than the Response itself, so Fastify sets Content-Length and onSend hooks see bytes.
  return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : undefined)
}
