import type { AgentPolicyService } from './agent-policy.js'
import { mapClerkError } from './clerk/map-clerk-error.js'
import { readCreatedAgentTask } from './clerk/read-agent-task.js'
import { withTimeout } from './clerk/with-timeout.js'
import { AgentTaskError, invalidRequest } from './errors.js'
import { isRefusal, type Refusal, refusalOf } from './admission.js'
import { runHook } from './hooks.js'
import { type AgentTasksOptions, type ResolvedOptions, resolveOptions } from './options.js'
import { alreadyRevoked } from './ledger/already-revoked.js'
import type { RevokeAllResult } from './ledger/end-access.js'
import type { LedgerDeps, SignedCall } from './ledger/ledger-deps.js'
import { type AgentTaskPage, isUserIdOrAbsent, type ListAgentTasksQuery, validateListQuery } from './ledger/list-query.js'
import { loadLedgerOperations } from './ledger/load-operations.js'
import { ensurePendingRoom, recordOrRevoke } from './ledger/record-link.js'
import { countMint } from './limits/mint-limits.js'
import type { ApprovalRequest } from './policy/approval-store.js'
import { type AgentTaskRecord, type AgentTaskStore, involves } from './store/types.js'
import type { AgentTaskAction, AgentTasksAuth, ClerkAgentTasksClient, SignedInAuth } from './types.js'
import { type CreateAgentTaskInput, isSelf, type OnBehalfOf, validateCreateInput } from './validation/create-input.js'
import type { ContractRequest, ContractResponse } from './http/contract.js'

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
  /** The scope the link was minted with (`policy.scopes`), when one was named. */
  scope?: string
}

export interface CallContext<Context> {
  auth: AgentTasksAuth | null | undefined
  context: Context
}

export interface CreateCallContext<Context> extends CallContext<Context> {
  /** Origin of the app (`https://app.example`): resolves path redirects, default allowed origin. */
  origin?: string | undefined
}

/** A mint as the HTTP contract answers it: the link, and the rate-limit headers when minting is limited. */
export interface Minted {
  agentTask: CreatedAgentTask
  headers: Record<string, string> | undefined
}

/** The service behind every helper: the public operations, and the steps the HTTP path runs one by one. */
export interface AgentTasksService<Context> {
  create(input: CreateAgentTaskInput | undefined, call: CreateCallContext<Context>): Promise<CreatedAgentTask>
  /** Revokes an unused link; for a used one, ends the session(s) it opened. */
  revoke(agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord>
  list(query: ListAgentTasksQuery | undefined, call: CallContext<Context>): Promise<AgentTaskPage>
  /** "End all agent access" for the caller (or, with `authorize`, `userId`). */
  revokeAll(call: CallContext<Context>, userId?: string): Promise<RevokeAllResult>
  readonly store: AgentTaskStore
  readonly resolved: ResolvedOptions<Context>
  /** Reports a refusal (not signed in, cross-origin, …) to `onDenied`. */
  deny(refusal: Refusal, action: AgentTaskAction, call: CallContext<Context>): Promise<void>
  /** Mints for a caller already found signed in; `body` is checked here, whatever its type. */
  mint(auth: SignedInAuth, body: unknown, call: CreateCallContext<Context>): Promise<Minted>
  /** Revokes (or ends the access of) a link for a caller already found signed in. */
  end(auth: SignedInAuth, agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord>
  /** Lists for a caller already found signed in; `query` is checked here. */
  listFor(auth: SignedInAuth, query: Record<string, unknown> | undefined, call: CallContext<Context>): Promise<AgentTaskPage>
  /** Ends all agent access for a caller already found signed in. */
  endAll(auth: SignedInAuth, userId: unknown, call: CallContext<Context>): Promise<RevokeAllResult>
  /** The guard, and the person's side of approvals for callers already found signed in. */
  readonly policy: AgentPolicyService<Context>
  /** `POST {base}/clerk-webhook`: Clerk's webhooks, verified, update the ledger (no signed-in caller). */
  clerkWebhook(request: ContractRequest): Promise<ContractResponse>
  /** The programmatic approvals API: the caller is admitted first (signed in; agent sessions refused). */
  readonly approvals: {
    list(call: CallContext<Context>): Promise<ApprovalRequest[]>
    approve(approvalId: string, call: CallContext<Context>): Promise<ApprovalRequest>
    decline(approvalId: string, call: CallContext<Context>): Promise<ApprovalRequest>
  }
}

const AGENT_TASK_ID = /^[A-Za-z0-9_-]{1,128}$/

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

  const ledger: LedgerDeps<Context> = {
    resolved,
    async clerk<T>(action: AgentTaskAction, call: SignedCall<Context>, work: (client: ClerkAgentTasksClient) => Promise<T>): Promise<T> {
      try {
        // A synchronous throw from `work` lands in this `catch` too.
        return await withTimeout<T>(work(resolved.getClerkClient()), resolved.clerkTimeoutMs)
      } catch (raw) {
        const error = mapClerkError(raw, action)
        await runHook(hooks, 'onFailed', {
          action,
          code: error.code,
          message: error.message,
          upstreamStatus: error.upstreamStatus,
          upstreamCode: error.upstreamCode,
          ...call,
        })
        throw error
      }
    },
  }

  async function mint(auth: SignedInAuth, body: unknown, call: CreateCallContext<Context>): Promise<Minted> {
    const validated = validateCreateInput(body, {
      options: resolved,
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
    const signed = { auth, context: call.context }
    // Limits off and no hooks are the common fast case: no call and no await for work that is not there.
    const headers = resolved.limits.rate === undefined ? undefined : await countMint(resolved.limits, auth.userId)
    if (resolved.limits.maxPending !== undefined) await ensurePendingRoom(ledger, signed)

    const { scope, ...toClerk } = validated
    const reply = await ledger.clerk('create', signed, (client) => client.agentTasks.create({ ...toClerk, permissions: '*' }))
    const task = readCreatedAgentTask(reply)
    const now = Date.now()
    const createdAt = new Date(now).toISOString()
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
      expiresAt: new Date(now + resolved.linkLifetimeSeconds * 1000).toISOString(),
    }
    if (scope !== undefined) record.scope = scope
    await recordOrRevoke(ledger, record)
    if (hooks.onCreated) await runHook(hooks, 'onCreated', { record, auth, context: call.context })
    const agentTask: CreatedAgentTask = {
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
    if (scope !== undefined) agentTask.scope = scope
    return { agentTask, headers }
  }

  async function revokeUnused(record: AgentTaskRecord, call: SignedCall<Context>): Promise<AgentTaskRecord> {
    const { agentTaskId } = record
    try {
      await ledger.clerk('revoke', call, (client) => client.agentTasks.revoke(agentTaskId))
    } catch (error) {
      if (!(error instanceof AgentTaskError && error.code === 'agent_task_already_used')) throw error
      // Clerk refuses a used link and a revoked one alike: used, unless a concurrent revoke won.
      const current = await store.update(agentTaskId, { status: 'used' }, ['pending'])
      if (current?.status === 'revoked') throw alreadyRevoked(current)
      const { endLinkAccess } = await loadLedgerOperations()
      return endLinkAccess(ledger, current ?? { ...record, status: 'used' }, call)
    }
    // Clerk accepted this revoke, so the link was unused: revoked, whatever a concurrent refused revoke concluded.
    const revokedAt = new Date().toISOString()
    const revoked = (await store.update(agentTaskId, { status: 'revoked', revokedAt }, ['pending', 'used'])) ?? {
      ...record,
      status: 'revoked' as const,
      revokedAt,
    }
    await runHook(hooks, 'onRevoked', { record: revoked, ...call })
    return revoked
  }

  /** Whether the user minted the link or it signs them in (by user ID, or by one of their identifiers). */
  async function concerns(record: AgentTaskRecord, userId: string, call: SignedCall<Context>): Promise<boolean> {
    if (record.ownerUserId === userId || record.subjectUserId === userId) return true
    if (record.subjectIdentifier === undefined || record.subjectUserId !== undefined) return false
    const { involvingUser } = await loadLedgerOperations()
    return involves(record, await involvingUser(ledger, userId, call))
  }

  async function end(auth: SignedInAuth, agentTaskId: string, call: CallContext<Context>): Promise<AgentTaskRecord> {
    if (typeof agentTaskId !== 'string' || !AGENT_TASK_ID.test(agentTaskId)) {
      throw invalidRequest([{ field: 'agentTaskId', message: 'must be an agent task ID' }])
    }
    const notFound = new AgentTaskError('agent_task_not_found', 'No agent task with this ID was minted by you or for you.')
    const record = await store.get(agentTaskId)
    if (!record) throw notFound
    const signed = { auth, context: call.context }
    if (!(await concerns(record, auth.userId, signed)) && !(await isAuthorized({ action: 'revoke', auth, record, context: call.context }))) {
      // Another user's link looks exactly like an unknown one: IDs are not confirmed to outsiders.
      await refuse(notFound, 'revoke', call)
    }
    if (record.status === 'revoked' || record.status === 'expired') throw alreadyRevoked(record)
    if (record.status === 'used') return (await loadLedgerOperations()).endLinkAccess(ledger, record, signed)
    return revokeUnused(record, signed)
  }

  /** The user whose links or agent access is asked for: the caller, or another one `authorize` allows. */
  async function targetUser(action: 'list' | 'revoke-all', auth: SignedInAuth, userId: string | undefined, call: CallContext<Context>) {
    if (userId === undefined || userId === auth.userId) return auth.userId
    if (await isAuthorized({ action, auth, userId, context: call.context })) return userId
    return refuse(
      new AgentTaskError('on_behalf_of_forbidden', 'You may only see and end your own agents’ access. Apps allow more with the `authorize` option.', {
        fields: [{ field: 'userId', message: 'not allowed for this user' }],
      }),
      action,
      call,
    )
  }

  async function listFor(auth: SignedInAuth, raw: Record<string, unknown> | undefined, call: CallContext<Context>) {
    const query = validateListQuery(raw)
    const owner = await targetUser('list', auth, query.userId, call)
    return (await loadLedgerOperations()).listLinks(ledger, owner, query, { auth, context: call.context })
  }

  async function endAll(auth: SignedInAuth, userId: unknown, call: CallContext<Context>) {
    if (!isUserIdOrAbsent(userId)) throw invalidRequest([{ field: 'userId', message: 'must be a Clerk user ID' }])
    const target = await targetUser('revoke-all', auth, userId, call)
    return (await loadLedgerOperations()).revokeAllAccess(ledger, target, { auth, context: call.context })
  }

  // The guard's work for agent sessions and the approvals load on first use, like the ledger's
  // operations: a bundle that only mints (and a person's request through the guard) never needs them.
  let loadingPolicy: Promise<AgentPolicyService<Context>> | undefined
  const loadPolicy = () => {
    loadingPolicy ??= import('./agent-policy.js').then(
      ({ createAgentPolicy }) => createAgentPolicy(resolved, ledger),
      (error: unknown) => {
        loadingPolicy = undefined
        throw error
      },
    )
    return loadingPolicy
  }
  const policy: AgentPolicyService<Context> = {
    guard: async (input) => (await loadPolicy()).guard(input),
    listApprovals: async (auth, context) => (await loadPolicy()).listApprovals(auth, context),
    decideApproval: async (auth, approvalId, answer, context) => (await loadPolicy()).decideApproval(auth, approvalId, answer, context),
  }

  // Loaded on first use, like the ledger's operations: an app that never receives a webhook never loads it.
  let loadingWebhooks: Promise<(request: ContractRequest) => Promise<ContractResponse>> | undefined
  const loadWebhooks = () => {
    loadingWebhooks ??= import('./webhooks/handle-webhook.js').then(
      ({ createClerkWebhookHandler }) => createClerkWebhookHandler(resolved),
      (error: unknown) => {
        loadingWebhooks = undefined
        throw error
      },
    )
    return loadingWebhooks
  }

  return {
    store,
    resolved,
    policy,
    clerkWebhook: async (request) => (await loadWebhooks())(request),
    approvals: {
      async list(call) {
        return policy.listApprovals(await admitted('list-approvals', call), call.context)
      },
      async approve(approvalId, call) {
        return policy.decideApproval(await admitted('approve', call), approvalId, 'approve', call.context)
      },
      async decline(approvalId, call) {
        return policy.decideApproval(await admitted('decline', call), approvalId, 'decline', call.context)
      },
    },
    deny,
    mint,
    end,
    listFor,
    endAll,
    async create(input, call) {
      return (await mint(await admitted('create', call), input ?? {}, call)).agentTask
    },
    async revoke(agentTaskId, call) {
      return end(await admitted('revoke', call), agentTaskId, call)
    },
    async list(query, call) {
      return listFor(await admitted('list', call), query as Record<string, unknown> | undefined, call)
    },
    async revokeAll(call, userId) {
      return endAll(await admitted('revoke-all', call), userId, call)
    },
  }
}
