import { AgentTaskError } from '../errors.js'
import type { ContractRequest, ContractResponse } from '../http/contract.js'
import { answerError } from '../http/error-response.js'
import { toWebResponse } from '../http/responses.js'
import { runContract } from '../http/run-contract.js'
import { type PreParsedBody, webContractRequest } from '../http/web-request.js'
import type { AgentTasksOptions } from '../options.js'
import { type AgentTasksService, createAgentTasksService } from '../service.js'
import type { AgentTasksAuth } from '../types.js'
import type { FrameworkAdapter } from './framework-adapter.js'
import type { AgentTasksBase, AgentTasksMethod, CurrentRequestAgentTasksBase } from './instance.js'
import { createOriginChecker } from './request-origin.js'

/** Options of every adapter's `createAgentTasks`: core's, with the Clerk client defaulting to the framework's. */
export type AdapterOptions<Native> = Omit<AgentTasksOptions<Native>, 'basePath'>

/**
 * What an adapter builds its instance from. `Context` is what `authorize` and hooks receive: the
 * framework's request object itself for every adapter.
 */
export interface AdapterKit<Native, Context = Native> extends AgentTasksBase<Native> {
  /** Answers one request of the HTTP contract. Never rejects, but for the framework's own errors. */
  respond(native: Native, request: ContractRequest): Promise<ContractResponse>
  /**
   * `respond` for a framework with Web `Request`s: `path` is the part below the mount point as sent
   * (`undefined`: not below it, 404), `body` what the framework already parsed, if anything.
   */
  respondWeb(native: Native, request: Request, path: string | undefined, body?: PreParsedBody): Promise<Response>
  /** The instance an adapter returns: the programmatic API and the store, with the adapter's `mount` (`handler`, `route`). */
  instance<Mount extends object>(mount: Mount): AgentTasksBase<Native> & Mount
  /**
   * The instance of a framework that knows the request being served: `currentNative` finds it (and
   * throws a clear error outside one); each method then rejects, never throws.
   */
  currentRequestInstance<Mount extends object>(
    currentNative: (method: AgentTasksMethod) => Native,
    mount: Mount,
  ): CurrentRequestAgentTasksBase & Mount
  /** @internal the service behind the instance */
  readonly service: AgentTasksService<Context>
}

/** What the kit reads per request: a `FrameworkAdapter` but for its Clerk client. */
export type RequestReader<Native> = Omit<FrameworkAdapter<Native>, 'clerkClient' | 'readAuth'> & {
  /** `undefined` when the framework's Clerk middleware did not run; `null` when signed out. */
  readAuth(native: Native): AgentTasksAuth | null | undefined | Promise<AgentTasksAuth | null | undefined>
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
  return kitOf(adapter, createAgentTasksService<Native>(withClerkDefaults(adapter, options)), (native) => native)
}

/**
 * The kit on a service: every request of every front door goes through its `respond` (core's own
 * `createAgentTasks().handle` too, whose `Native` carries the caller it is given and the app's `context`).
 */
export function kitOf<Native, Context>(
  reader: RequestReader<Native>,
  service: AgentTasksService<Context>,
  contextOf: (native: Native) => Context,
): AdapterKit<Native, Context> {
  const { resolved, store } = service
  const checkOrigin = createOriginChecker()
  const missingMiddleware = `${reader.name}: Clerk's middleware did not run for this request, so the caller is unknown. ${reader.missingMiddlewareFix}`
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
  async function readAuth(native: Native): Promise<AgentTasksAuth | null> {
    const read = reader.readAuth(native)
    const auth = read instanceof Promise ? await read : read
    if (auth === undefined) throw missing()
    return auth
  }

  function originOf(native: Native): string | Promise<string> {
    if (resolved.origin !== undefined) return resolved.origin
    const raw = reader.requestOrigin(native)
    return raw instanceof Promise ? raw.then(checkOrigin) : checkOrigin(raw)
  }

  const errorOptions = { isFrameworkError: reader.isFrameworkError?.bind(reader) }

  async function create(native: Native, input?: Parameters<AgentTasksBase<Native>['create']>[1]) {
    const [auth, origin] = await Promise.all([readAuth(native), originOf(native)])
    return service.create(input, { auth, context: contextOf(native), origin })
  }
  async function revoke(native: Native, agentTaskId: string) {
    return service.revoke(agentTaskId, { auth: await readAuth(native), context: contextOf(native) })
  }
  async function list(native: Native, query?: Parameters<AgentTasksBase<Native>['list']>[1]) {
    return service.list(query, { auth: await readAuth(native), context: contextOf(native) })
  }
  async function revokeAll(native: Native, userId?: string) {
    return service.revokeAll({ auth: await readAuth(native), context: contextOf(native) }, userId)
  }

  async function respond(native: Native, request: ContractRequest): Promise<ContractResponse> {
    try {
      const read = reader.readAuth(native)
      const auth = read instanceof Promise ? await read : read
      if (auth === undefined) throw missing()
      return await runContract(service, request, { auth, context: contextOf(native), origin: () => originOf(native) })
    } catch (error) {
      return answerError(error, errorOptions)
    }
  }

  return {
    service,
    store,
    create,
    revoke,
    list,
    revokeAll,
    respond,
    respondWeb: (native, request, path, body) => respond(native, webContractRequest(request, path, body)).then(toWebResponse),
    instance: (mount) => ({ create, revoke, list, revokeAll, store, ...mount }),
    currentRequestInstance: (currentNative, mount) => ({
      // async, so that a call outside a request rejects rather than throws.
      create: async (input) => create(currentNative('create'), input),
      revoke: async (agentTaskId) => revoke(currentNative('revoke'), agentTaskId),
      list: async (query) => list(currentNative('list'), query),
      revokeAll: async (userId) => revokeAll(currentNative('revokeAll'), userId),
      store,
      ...mount,
    }),
  }
}
