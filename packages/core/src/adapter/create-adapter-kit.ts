import { type AgentTasksService, type CreatedAgentTask, createAgentTasksService } from '../service.js'
import type { RevokeAllResult } from '../ledger/end-access.js'
import type { AgentTaskPage, ListAgentTasksQuery } from '../ledger/list-query.js'
import { AgentTaskError } from '../errors.js'
import type { ContractRequest, ContractResponse } from '../http/contract.js'
import { runContract } from '../http/run-contract.js'
import { answerError } from '../http/error-response.js'
import type { AgentTasksOptions } from '../options.js'
import type { AgentTaskRecord, AgentTaskStore } from '../store/types.js'
import type { AgentTasksAuth } from '../types.js'
import type { CreateAgentTaskInput } from '../validation/create-input.js'
import type { FrameworkAdapter } from './framework-adapter.js'
import { createOriginChecker } from './request-origin.js'

/** Options of every adapter's `createAgentTasks`: core's, with the Clerk client defaulting to the framework's. */
export type AdapterOptions<Native> = Omit<AgentTasksOptions<Native>, 'basePath'>

/** What every adapter instance offers, whatever the framework. */
export interface AgentTasksBase<Native> {
  /** Mints a link for the user signed in on this request. Throws `AgentTaskError`. */
  create(native: Native, input?: CreateAgentTaskInput): Promise<CreatedAgentTask>
  /**
   * Revokes a link the user signed in on this request minted (or may manage); for a used link, ends
   * the session(s) it opened. Throws `AgentTaskError`.
   */
  revoke(native: Native, agentTaskId: string): Promise<AgentTaskRecord>
  /** A page of the user's links, newest first, status and sessions as Clerk shows them now. */
  list(native: Native, query?: ListAgentTasksQuery): Promise<AgentTaskPage>
  /** "End all agent access": revokes the user's unused links and ends every active agent session of the user. */
  revokeAll(native: Native, userId?: string): Promise<RevokeAllResult>
  /** Records of minted links (never the links themselves), shared by every helper of the instance. */
  readonly store: AgentTaskStore
}

export interface AdapterKit<Native> extends AgentTasksBase<Native> {
  /** Answers one request of the HTTP contract. Never rejects, but for the framework's own errors. */
  respond(native: Native, request: ContractRequest): Promise<ContractResponse>
  /** @internal the service behind the instance */
  readonly service: AgentTasksService<Native>
}

function envVar(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name]
}

/** Core options with the adapter's defaults: its framework's Clerk client, and `CLERK_API_URL` beside `secretKey`. */
function withClerkDefaults<Native>(adapter: FrameworkAdapter<Native>, options: AdapterOptions<Native>): AgentTasksOptions<Native> {
  if (options.clerkClient !== undefined) return options
  if (options.secretKey === undefined) return { ...options, clerkClient: () => adapter.clerkClient() }
  const apiUrl = options.apiUrl ?? envVar('CLERK_API_URL')
  return apiUrl === undefined ? options : { ...options, apiUrl }
}

/**
 * Builds an adapter instance from what the framework supplies. One call per app: the store, hooks and
 * `authorize` live here, and every helper the adapter exports uses this one instance.
 */
export function createAdapterKit<Native>(adapter: FrameworkAdapter<Native>, options: AdapterOptions<Native> = {}): AdapterKit<Native> {
  const service = createAgentTasksService<Native>(withClerkDefaults(adapter, options))
  const { resolved } = service
  const checkOrigin = createOriginChecker()
  const missingMiddleware = `${adapter.name}: Clerk's middleware did not run for this request, so the caller is unknown. ${adapter.missingMiddlewareFix}`
  let reportedMissingMiddleware = false

  function missing(): AgentTaskError {
    if (!reportedMissingMiddleware) {
      reportedMissingMiddleware = true
      console.error(`[agent-tasks] ${missingMiddleware}`)
    }
    return new AgentTaskError('misconfigured', missingMiddleware)
  }

  // The framework's reads are often synchronous; awaiting only real promises keeps the request path
  // free of needless microtask turns.
  async function readAuth(native: Native): Promise<AgentTasksAuth> {
    const read = adapter.readAuth(native)
    const auth = read instanceof Promise ? await read : read
    if (auth === undefined) throw missing()
    return auth
  }

  function originOf(native: Native): string | Promise<string> {
    if (resolved.origin !== undefined) return resolved.origin
    const raw = adapter.requestOrigin(native)
    return raw instanceof Promise ? raw.then(checkOrigin) : checkOrigin(raw)
  }

  const settleOptions = { isFrameworkError: adapter.isFrameworkError?.bind(adapter) }

  return {
    service,
    store: service.store,
    async create(native, input) {
      const [auth, origin] = await Promise.all([readAuth(native), originOf(native)])
      return service.create(input, { auth, context: native, origin })
    },
    async revoke(native, agentTaskId) {
      return service.revoke(agentTaskId, { auth: await readAuth(native), context: native })
    },
    async list(native, query) {
      return service.list(query, { auth: await readAuth(native), context: native })
    },
    async revokeAll(native, userId) {
      return service.revokeAll({ auth: await readAuth(native), context: native }, userId)
    },
    async respond(native, request) {
      try {
        const read = adapter.readAuth(native)
        const auth = read instanceof Promise ? await read : read
        if (auth === undefined) throw missing()
        return await runContract(service, request, { auth, context: native, origin: () => originOf(native) })
      } catch (error) {
        return answerError(error, settleOptions)
      }
    },
  }
}
