import { ApiError, errors } from '../http/errors.js'
import { readJsonObject, sendJson } from '../http/io.js'
import type { Route } from '../http/router.js'
import { isLoopback } from '../redirects.js'
import { agentTaskJson } from '../serialize.js'
import { rejectUnknown, requiredString } from './validate.js'

const CREATE_FIELDS = [
  'on_behalf_of',
  'permissions',
  'agent_name',
  'task_description',
  'redirect_url',
  'session_max_duration_in_seconds',
] as const

const DEFAULT_SESSION_MAX_DURATION = 1800

function subjectNotFound(): ApiError {
  return ApiError.of(
    404,
    'agent_task_subject_not_found',
    'subject not found',
    'No user matches the given on_behalf_of user_id or identifier.',
  )
}

/** `POST /v1/agents/tasks` and `POST /v1/agents/tasks/:id/revoke`. */
export const agentTaskRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/agents/tasks',
    kind: 'bapi',
    async handler(ctx, { req, res }) {
      const body = await readJsonObject(req)
      rejectUnknown(body, CREATE_FIELDS)

      const onBehalfOf = body.on_behalf_of
      if (onBehalfOf === undefined || onBehalfOf === null) throw errors.paramMissing('on_behalf_of')
      if (typeof onBehalfOf !== 'object' || Array.isArray(onBehalfOf)) throw errors.paramInvalid('on_behalf_of', 'must be an object.')
      const subject = onBehalfOf as Record<string, unknown>
      rejectUnknown(subject, ['user_id', 'identifier'], 'on_behalf_of.')
      const hasUserId = subject.user_id !== undefined
      const hasIdentifier = subject.identifier !== undefined
      if (hasUserId === hasIdentifier) {
        throw errors.paramValue('on_behalf_of', 'must contain exactly one of user_id or identifier.')
      }

      const permissions = requiredString(body, 'permissions')
      if (permissions !== '*') throw errors.paramValue('permissions', 'only "*" is supported.')
      const agentName = requiredString(body, 'agent_name')
      const taskDescription = requiredString(body, 'task_description')
      const redirectUrl = requiredString(body, 'redirect_url')
      let parsed: URL
      try {
        parsed = new URL(redirectUrl)
      } catch {
        throw errors.paramInvalid('redirect_url', 'must be an absolute URL.')
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw errors.paramInvalid('redirect_url', 'must use http or https.')
      }
      if (ctx.instance === 'production' && parsed.protocol === 'http:' && !isLoopback(parsed)) {
        throw errors.paramInvalid('redirect_url', 'must use https on production instances.')
      }

      let maxDuration = DEFAULT_SESSION_MAX_DURATION
      const rawDuration = body.session_max_duration_in_seconds
      if (rawDuration !== undefined && rawDuration !== null) {
        if (typeof rawDuration !== 'number' || !Number.isInteger(rawDuration) || rawDuration <= 0) {
          throw errors.paramInvalid('session_max_duration_in_seconds', 'must be a positive integer.')
        }
        maxDuration = rawDuration
      }

      const user = hasUserId
        ? ctx.store.users.get(requiredString(subject, 'user_id', 'on_behalf_of.'))
        : ctx.store.findUserByIdentifier(requiredString(subject, 'identifier', 'on_behalf_of.'))
      if (!user) throw subjectNotFound()

      const { task, ticket } = ctx.store.createAgentTask({
        userId: user.id,
        agentName,
        taskDescription,
        redirectUrl,
        permissions,
        sessionMaxDurationInSeconds: maxDuration,
      })
      const url = `${ctx.url}/v1/agents/tasks?ticket=${encodeURIComponent(ticket)}`
      sendJson(res, 200, agentTaskJson(task, url))
    },
  },
  {
    method: 'POST',
    path: '/v1/agents/tasks/:id/revoke',
    kind: 'bapi',
    async handler(ctx, { req, res, params }) {
      await readJsonObject(req)
      const task = ctx.store.agentTasks.get(params.id ?? '')
      if (!task) {
        throw ApiError.of(404, 'agent_task_not_found', 'not found', 'No agent task was found with that id.')
      }
      if (task.status !== 'pending') {
        throw ApiError.of(
          400,
          'agent_task_cannot_be_revoked',
          'cannot be revoked',
          `This agent task is ${task.status} and can no longer be revoked. Revoke the session it created instead.`,
        )
      }
      task.status = 'revoked'
      task.updatedAt = Date.now()
      sendJson(res, 200, agentTaskJson(task))
    },
  },
]
