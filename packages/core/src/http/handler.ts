import type { AgentTasksService } from '../agent-tasks.js'
import { AgentTaskError } from '../errors.js'
import type { AgentTasksAuth } from '../types.js'
import { type PreParsedBody, readJsonBody } from './read-json-body.js'
import { jsonResponse, problemResponse, unexpectedErrorResponse } from './responses.js'
import { matchRoute, pathBelow } from './routes.js'
import { assertSameOrigin } from './same-origin.js'

export interface HandleOptions<Context> {
  /** The caller as the framework's Clerk SDK sees them. */
  auth: AgentTasksAuth | null | undefined
  /** The framework's request object, handed to `authorize` and hooks. */
  context: Context
  /** Path below the mount point (`/`, `/{id}/revoke`). Default: the URL path minus `basePath`. */
  path?: string
  /** A body a framework already parsed. */
  body?: PreParsedBody
}

export type AgentTasksRequestHandler<Context> = (request: Request, options: HandleOptions<Context>) => Promise<Response>

/** The HTTP contract as a Web-standard `Request → Response` function. Never throws. */
export function createRequestHandler<Context>(service: AgentTasksService<Context>): AgentTasksRequestHandler<Context> {
  const { resolved } = service

  return async function handle(request, options) {
    try {
      const url = new URL(request.url)
      const relative = options.path ?? pathBelow(url.pathname, resolved.basePath)
      const route = relative === undefined ? { kind: 'unknown' as const } : matchRoute(relative)
      if (route.kind === 'unknown') {
        throw new AgentTaskError('not_found', 'No agent-tasks route here. Use POST / or POST /{agentTaskId}/revoke.')
      }
      if (request.method !== 'POST') {
        throw new AgentTaskError('method_not_allowed', `Use POST; ${request.method} is not supported here.`, {
          headers: { Allow: 'POST' },
        })
      }
      const call = { auth: options.auth, context: options.context }
      const action = route.kind
      // Who is asking is settled before the body is read or anything else happens.
      await service.authenticate(action, call)
      try {
        assertSameOrigin(request, resolved.trustedOrigins)
      } catch (error) {
        throw error instanceof AgentTaskError ? await service.denied(error, action, call) : error
      }

      if (route.kind === 'create') {
        const body = await readJsonBody(request, resolved.maxBodyBytes, options.body)
        const agentTask = await service.create(body, { ...call, origin: url.origin })
        return jsonResponse(201, { message: 'Agent Task created', agentTask })
      }
      const record = await service.revoke(route.agentTaskId, call)
      return jsonResponse(200, { message: 'Agent Task revoked', agentTask: record })
    } catch (error) {
      if (error instanceof AgentTaskError) return problemResponse(error)
      console.error('[agent-tasks] unexpected error while handling a request:', error)
      return unexpectedErrorResponse()
    }
  }
}
