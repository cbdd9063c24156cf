import { ApiError } from '../http/errors.js'
import type { Route } from '../http/router.js'
import { isAllowedRedirect } from '../redirects.js'
import { signInBrowser } from './browser.js'

function cannotBeUsed(detail: string): ApiError {
  return ApiError.of(400, 'agent_task_cannot_be_used', 'cannot be used', detail)
}

/** `GET /v1/agents/tasks?ticket=…` — the agent-task link: single use, creates an agent session, 307 with a handshake. */
export const agentTaskTicketRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/agents/tasks',
    kind: 'fapi',
    handler(ctx, { res, url }) {
      const ticket = url.searchParams.get('ticket')
      const task = ticket ? ctx.store.agentTaskByTicket(ticket) : undefined
      if (!task) throw cannotBeUsed('This agent task link is invalid.')
      if (task.status === 'revoked') {
        throw ApiError.of(400, 'agent_task_revoked', 'revoked', 'This agent task has been revoked.')
      }
      if (task.status === 'used') {
        throw ApiError.of(400, 'agent_task_already_used', 'already used', 'This agent task link has already been used.')
      }
      if (!ctx.store.users.has(task.userId)) {
        throw ApiError.of(404, 'agent_task_subject_not_found', 'subject not found', 'The user of this agent task no longer exists.')
      }
      if (!isAllowedRedirect(ctx, task.redirectUrl)) {
        throw cannotBeUsed(
          `The redirect_url origin is not allowed for this instance. Add it to allowedRedirectOrigins (loopback hosts are always allowed).`,
        )
      }
      task.status = 'used'
      task.updatedAt = Date.now()
      const session = signInBrowser(ctx, res, {
        userId: task.userId,
        redirectUrl: task.redirectUrl,
        actor: { type: 'agent', sub: task.agentId, task_id: task.id },
        agentTaskId: task.id,
        maxDurationSeconds: task.sessionMaxDurationInSeconds,
        status: 307,
      })
      task.sessionId = session.id
    },
  },
]
