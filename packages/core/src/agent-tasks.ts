import { readCreatedAgentTask } from './clerk/read-agent-task.js'
import { mapClerkError } from './clerk/map-clerk-error.js'
import { withTimeout } from './clerk/with-timeout.js'
import { AgentTaskError, invalidRequest } from './errors.js'
import { requireUser } from './guards.js'
import { runHook } from './hooks.js'
import { type AgentTasksOptions, type ResolvedOptions, resolveOptions } from './options.js'
import type { AgentTaskRecord, AgentTaskStore } from './store/types.js'
import type { AgentTaskAction, AgentTasksAuth, SignedInAuth } from './types.js'
import {
  type CreateAgentTaskInput,
  isSelf,
  type OnBehalfOf,
  validateCreateInput,
} from './validation/create-input.js'

/** A freshly minted link. `url` is a credential: hand it to the agent, never log it. */
export interface CreatedAgentTask {
  agentTaskId: string
  agentId: string
  /** @deprecated Same as `agentTaskId`; kept for responses shaped like Clerk's. */
  taskId: string
  url: string
  agentName: string
  taskDescription: string
  redirectUrl: string
  sessionMaxDurationInSeconds: number
  onBehalfOf: OnBehalfOf
  createdAt: string
}

export interface CallContext<Context> {
  auth: AgentTasksAuth | null | undefined
  context: Context
}

export interface CreateCallContext<Context> extends CallContext<Context> {
  /** Origin of the app (`https://app.example`): resolves path redirects, default allowed origin. */
  origin?: string | undefined
}

export interface AgentTasksService<Context> {
  /** Mints a link. Throws `AgentTaskError`. */
  create(input: CreateAgentTaskInput | unknown, call: CreateCallContext<Context>): Promise<CreatedAgentTask>
  /** Revokes a link the caller minted (or may manage, per `authorize`). Throws `AgentTaskError`. */
  revoke(agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord>
  readonly store: AgentTaskStore
  /** @internal shared with the HTTP handler */
  readonly resolved: ResolvedOptions<Context>
  /** @internal 401/403 unless the caller may use this API at all */
  authenticate(action: AgentTaskAction, call: CallContext<Context>): Promise<SignedInAuth>
  /** @internal reports a policy refusal to the `onDenied` hook, then returns the error */
  denied(error: AgentTaskError, action: AgentTaskAction, call: CallContext<Context>): Promise<AgentTaskError>
}

const AGENT_TASK_ID = /^[A-Za-z0-9_-]{1,128}$/

export function createAgentTasksService<Context = unknown>(
  options: AgentTasksOptions<Context>,
): AgentTasksService<Context> {
  const resolved = resolveOptions(options)
  const { store, hooks } = resolved

  async function denied(error: AgentTaskError, action: AgentTaskAction, call: CallContext<Context>) {
    await runHook(hooks, 'onDenied', {
      action,
      code: error.code,
      message: error.message,
      auth: call.auth ?? undefined,
      context: call.context,
    })
    return error
  }

  async function authenticate(action: AgentTaskAction, call: CallContext<Context>): Promise<SignedInAuth> {
    try {
      return requireUser(call.auth, resolved.allowAgentSessions)
    } catch (error) {
      throw error instanceof AgentTaskError ? await denied(error, action, call) : error
    }
  }

  async function isAuthorized(args: Parameters<NonNullable<typeof resolved.authorize>>[0]) {
    return resolved.authorize ? (await resolved.authorize(args)) === true : false
  }

  async function callClerk<T>(action: AgentTaskAction, auth: SignedInAuth, context: Context, work: () => Promise<T>) {
    try {
      return await withTimeout(Promise.resolve().then(work), resolved.clerkTimeoutMs)
    } catch (raw) {
      const error = mapClerkError(raw, action)
      await runHook(hooks, 'onFailed', {
        action,
        code: error.code,
        message: error.message,
        upstreamStatus: error.upstreamStatus,
        upstreamCode: error.upstreamCode,
        auth,
        context,
      })
      throw error
    }
  }

  return {
    store,
    resolved,
    denied,
    authenticate,

    async create(input, call) {
      const auth = await authenticate('create', call)
      const validated = validateCreateInput(input, {
        options: resolved as ResolvedOptions,
        signedInUserId: auth.userId,
        requestOrigin: call.origin,
      })
      if (
        !isSelf(validated.onBehalfOf, auth.userId) &&
        !(await isAuthorized({ action: 'create', auth, onBehalfOf: validated.onBehalfOf, context: call.context }))
      ) {
        throw await denied(
          new AgentTaskError(
            'on_behalf_of_forbidden',
            'You may only mint links for yourself. Apps allow more with the `authorize` option.',
            { fields: [{ field: 'onBehalfOf', message: 'not allowed for this user' }] },
          ),
          'create',
          call,
        )
      }

      const reply = await callClerk('create', auth, call.context, () =>
        resolved.getClerkClient().agentTasks.create({
          onBehalfOf: validated.onBehalfOf,
          permissions: '*',
          agentName: validated.agentName,
          taskDescription: validated.taskDescription,
          redirectUrl: validated.redirectUrl,
          sessionMaxDurationInSeconds: validated.sessionMaxDurationInSeconds,
        }),
      )
      const task = readCreatedAgentTask(reply)
      const createdAt = new Date().toISOString()
      const record: AgentTaskRecord = {
        agentTaskId: task.agentTaskId,
        agentId: task.agentId,
        agentName: validated.agentName,
        ownerUserId: auth.userId,
        ...('userId' in validated.onBehalfOf
          ? { subjectUserId: validated.onBehalfOf.userId }
          : { subjectIdentifier: validated.onBehalfOf.identifier }),
        taskDescription: validated.taskDescription,
        redirectUrl: validated.redirectUrl,
        sessionMaxDurationInSeconds: validated.sessionMaxDurationInSeconds,
        status: 'pending',
        createdAt,
      }
      await store.save(record)
      await runHook(hooks, 'onCreated', { record, auth, context: call.context })
      return {
        agentTaskId: task.agentTaskId,
        agentId: task.agentId,
        taskId: task.agentTaskId,
        url: task.url,
        agentName: validated.agentName,
        taskDescription: validated.taskDescription,
        redirectUrl: validated.redirectUrl,
        sessionMaxDurationInSeconds: validated.sessionMaxDurationInSeconds,
        onBehalfOf: validated.onBehalfOf,
        createdAt,
      }
    },

    async revoke(agentTaskId, call) {
      const auth = await authenticate('revoke', call)
      if (typeof agentTaskId !== 'string' || !AGENT_TASK_ID.test(agentTaskId)) {
        throw invalidRequest([{ field: 'agentTaskId', message: 'must be an agent task ID' }])
      }
      const notFound = new AgentTaskError('agent_task_not_found', 'No agent task with this ID was minted by you.')
      const record = await store.get(agentTaskId)
      if (!record) throw notFound
      if (
        record.ownerUserId !== auth.userId &&
        !(await isAuthorized({ action: 'revoke', auth, record, context: call.context }))
      ) {
        // Another user's link looks exactly like an unknown one: IDs are not confirmed to outsiders.
        throw await denied(notFound, 'revoke', call)
      }
      if (record.status === 'revoked') {
        throw new AgentTaskError('agent_task_already_revoked', 'This link was already revoked.')
      }
      if (record.status === 'used') {
        throw new AgentTaskError(
          'agent_task_already_used',
          'This link was already used, so it can no longer be revoked. To end the agent’s access, revoke the session it created.',
        )
      }
      try {
        await callClerk('revoke', auth, call.context, () => resolved.getClerkClient().agentTasks.revoke(agentTaskId))
      } catch (error) {
        if (error instanceof AgentTaskError && error.code === 'agent_task_already_used') {
          await store.update(agentTaskId, { status: 'used' })
        }
        throw error
      }
      const revoked = (await store.update(agentTaskId, { status: 'revoked', revokedAt: new Date().toISOString() })) ?? {
        ...record,
        status: 'revoked' as const,
      }
      await runHook(hooks, 'onRevoked', { record: revoked, auth, context: call.context })
      return revoked
    },
  }
}
