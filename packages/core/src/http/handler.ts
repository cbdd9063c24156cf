import type { AgentTasksService } from '../service.js'
import type { AgentTasksAuth } from '../types.js'
import { toWebResponse } from './responses.js'
import { pathBelow } from './routes.js'
import { runContract } from './run-contract.js'
import { settle } from './error-response.js'
import { type PreParsedBody, webContractRequest } from './web-request.js'

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
    const response = await settle(async () => {
      const url = new URL(request.url)
      const path = options.path ?? pathBelow(url.pathname, resolved.basePath)
      const origin = resolved.origin ?? url.origin
      const call = { auth: options.auth, context: options.context, origin: () => origin }
      return runContract(service, webContractRequest(request, path, options.body), call)
    })
    return toWebResponse(response)
  }
}
