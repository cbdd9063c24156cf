import { mapClerkError } from './clerk/map-clerk-error.js'
import { readCreatedAgentTask } from './clerk/read-agent-task.js'
import { withTimeout } from './clerk/with-timeout.js'
import { AgentTaskError, invalidRequest } from './errors.js'
import { isRefusal, type Refusal, refusalOf } from './guards.js'
import { runHook } from './hooks.js'
import { type AgentTasksOptions, type ResolvedOptions, resolveOptions } from './options.js'
import type { AgentTaskRecord, AgentTaskStore } from './store/types.js'
import type { AgentTaskAction, AgentTasksAuth, SignedInAuth } from './types.js'
import { type CreateAgentTaskInput, isSelf, type OnBehalfOf, validateCreateInput } from './validation/create-input.js'

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

/** The service behind every helper: the public `create`/`revoke`, and the steps the HTTP path runs one by one. */
export interface AgentTasksService<Context> {
  create(input: CreateAgentTaskInput | undefined, call: CreateCallContext<Context>): Promise<CreatedAgentTask>
  revoke(agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord>
  readonly store: AgentTaskStore
  readonly resolved: ResolvedOptions<Context>
  /** Reports a refusal (not signed in, cross-origin, …) to `onDenied`. */
  deny(refusal: Refusal, action: AgentTaskAction, call: CallContext<Context>): Promise<void>
  /** Mints for a caller already found signed in; `body` is checked here, whatever its type. */
  mint(auth: SignedInAuth, body: unknown, call: CreateCallContext<Context>): Promise<CreatedAgentTask>
  /** Revokes for a caller already found signed in. */
  end(auth: SignedInAuth, agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord>
}

const AGENT_TASK_ID = /^[A-Za-z0-9_-]{1,128}$/
const ALREADY_USED =
  'This link was already used, so it can no longer be revoked. To end the agent’s access, revoke the session it created.'

export function createAgentTasksService<Context = unknown>(
  options: AgentTasksOptions<Context>,
): AgentTasksService<Context> {
  const resolved = resolveOptions(options)
  const { store, hooks } = resolved

  async function deny(refusal: Refusal, action: AgentTaskAction, call: CallContext<Context>): Promise<void> {
    await runHook(hooks, 'onDenied', {
      action,
      code: refusal.code,
      message: refusal.message,
      auth: call.auth ?? undefined,
      context: call.context,
    })
  }

  async function admit(action: AgentTaskAction, call: CallContext<Context>): Promise<SignedInAuth | Refusal> {
    const refusal = refusalOf(call.auth, resolved.allowAgentSessions)
    if (refusal === undefined) return call.auth as SignedInAuth
    if (hooks.onDenied) await deny(refusal, action, call)
    return refusal
  }

  async function admitted(action: AgentTaskAction, call: CallContext<Context>): Promise<SignedInAuth> {
    const result = await admit(action, call)
    if (isRefusal(result)) throw new AgentTaskError(result.code, result.message)
    return result
  }

  async function refuse(error: AgentTaskError, action: AgentTaskAction, call: CallContext<Context>): Promise<never> {
    await deny(error, action, call)
    throw error
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

  /**
   * Saves the record of a link just minted. A link without a record could not be listed or revoked
   * here, so when the store refuses it (full, down) the link is revoked at once and the caller told.
   */
  async function recordOrRevoke(record: AgentTaskRecord): Promise<void> {
    try {
      await store.save(record)
    } catch (error) {
      try {
        await withTimeout(Promise.resolve().then(() => resolved.getClerkClient().agentTasks.revoke(record.agentTaskId)), resolved.clerkTimeoutMs)
      } catch {
        // The link still works and nothing here remembers it: say which, never the link itself.
        console.error(`[agent-tasks] could not record agent task ${record.agentTaskId}, nor revoke it: revoke it in the Clerk Dashboard.`)
      }
      if (error instanceof AgentTaskError) throw error
      throw new AgentTaskError('store_unavailable', 'The link could not be recorded, so it was revoked. Try again.', { cause: error })
    }
  }

  async function mint(auth: SignedInAuth, body: unknown, call: CreateCallContext<Context>): Promise<CreatedAgentTask> {
    const validated = validateCreateInput(body, {
      options: resolved as ResolvedOptions,
      signedInUserId: auth.userId,
      requestOrigin: call.origin ?? resolved.origin,
    })
    const { onBehalfOf } = validated
    if (!isSelf(onBehalfOf, auth.userId) && !(await isAuthorized({ action: 'create', auth, onBehalfOf, context: call.context }))) {
      await refuse(
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
      resolved.getClerkClient().agentTasks.create({ ...validated, permissions: '*' }),
    )
    const task = readCreatedAgentTask(reply)
    const createdAt = new Date().toISOString()
    const record: AgentTaskRecord = {
      agentTaskId: task.agentTaskId,
      agentId: task.agentId,
      agentName: validated.agentName,
      ownerUserId: auth.userId,
      ...('userId' in onBehalfOf ? { subjectUserId: onBehalfOf.userId } : { subjectIdentifier: onBehalfOf.identifier }),
      taskDescription: validated.taskDescription,
      redirectUrl: validated.redirectUrl,
      sessionMaxDurationInSeconds: validated.sessionMaxDurationInSeconds,
      status: 'pending',
      createdAt,
    }
    await recordOrRevoke(record)
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
      onBehalfOf,
      createdAt,
    }
  }

  async function end(auth: SignedInAuth, agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord> {
    if (typeof agentTaskId !== 'string' || !AGENT_TASK_ID.test(agentTaskId)) {
      throw invalidRequest([{ field: 'agentTaskId', message: 'must be an agent task ID' }])
    }
    const notFound = new AgentTaskError('agent_task_not_found', 'No agent task with this ID was minted by you.')
    const record = await store.get(agentTaskId)
    if (!record) throw notFound
    if (record.ownerUserId !== auth.userId && !(await isAuthorized({ action: 'revoke', auth, record, context: call.context }))) {
      // Another user's link looks exactly like an unknown one: IDs are not confirmed to outsiders.
      await refuse(notFound, 'revoke', call)
    }
    if (record.status === 'revoked') {
      throw new AgentTaskError('agent_task_already_revoked', 'This link was already revoked.')
    }
    if (record.status === 'used') throw new AgentTaskError('agent_task_already_used', ALREADY_USED)
    try {
      await callClerk('revoke', auth, call.context, () => resolved.getClerkClient().agentTasks.revoke(agentTaskId))
    } catch (error) {
      if (error instanceof AgentTaskError && error.code === 'agent_task_already_used') {
        // Clerk refuses a used link and a revoked one alike: used, unless a concurrent revoke won.
        const current = await store.update(agentTaskId, { status: 'used' }, ['pending'])
        if (current?.status === 'revoked') throw new AgentTaskError('agent_task_already_revoked', 'This link was already revoked.')
      }
      throw error
    }
    // Clerk accepted this revoke, so the link was unused: revoked, whatever a concurrent refused revoke concluded.
    const revokedAt = new Date().toISOString()
    const revoked = (await store.update(agentTaskId, { status: 'revoked', revokedAt }, ['pending', 'used'])) ?? {
      ...record,
      status: 'revoked' as const,
      revokedAt,
    }
    await runHook(hooks, 'onRevoked', { record: revoked, auth, context: call.context })
    return revoked
  }

  return {
    store,
    resolved,
    deny,
    mint,
    end,
    async create(input, call) {
      return mint(await admitted('create', call), input ?? {}, call)
    },
    async revoke(agentTaskId, call) {
      return end(await admitted('revoke', call), agentTaskId, call)
    },
  }
}
