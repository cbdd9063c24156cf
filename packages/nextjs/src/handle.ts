import { AgentTaskError, type AgentTasks, problemResponse } from '@agent-tasks/core'
import { readAuth } from './auth.js'
import { isNextControlFlowError } from './next-control-flow.js'
import type { NextAgentTasksContext } from './options.js'
import { withPublicOrigin } from './public-origin.js'

/**
 * Runs one request through the core HTTP contract. `path` is the route below the mount point, or
 * `undefined` to let the core derive it from the `basePath` option. Never throws, except for
 * Next.js's own control-flow errors (which Next.js must see).
 */
export async function handleNextRequest(
  agentTasks: AgentTasks<NextAgentTasksContext>,
  request: Request,
  path: string | undefined,
): Promise<Response> {
  try {
    const auth = await readAuth()
    return await agentTasks.handle(withPublicOrigin(request), {
      auth,
      context: request,
      ...(path === undefined ? {} : { path }),
    })
  } catch (error) {
    if (isNextControlFlowError(error)) throw error
    if (error instanceof AgentTaskError) return problemResponse(error)
    console.error('[agent-tasks] unexpected error while handling a request:', error)
    return problemResponse(new AgentTaskError('internal_error', 'Something went wrong while handling the request.'))
  }
}
