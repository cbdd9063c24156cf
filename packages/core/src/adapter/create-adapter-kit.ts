import type { AgentTasksOptions } from '../options.js'
import { type AgentTasksService, createAgentTasksService } from '../service.js'
import type { FrameworkAdapter } from './framework-adapter.js'
import { createFrontDoor, type FrontDoor } from './front-door.js'
import { type AgentGuard, createAgentGuard } from './guard.js'
import type { AgentTasksBase, AgentTasksMethod, CurrentRequestAgentTasksBase } from './instance.js'

/** Options of every adapter's `createAgentTasks`: core's, with the Clerk client defaulting to the framework's. */
export type AdapterOptions<Native> = Omit<AgentTasksOptions<Native>, 'basePath'>

/**
 * What an adapter builds its instance from: the front door (`respond`, `respondWeb`) and the instance.
 */
export interface AdapterKit<Native> extends AgentTasksBase<Native>, Pick<FrontDoor<Native>, 'respond' | 'respondWeb'>, AgentGuard<Native> {
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
  const { store } = service
  const door = createFrontDoor(adapter, service, (native: Native) => native)
  const { readAuth, originOf } = door

  async function create(native: Native, input?: Parameters<AgentTasksBase<Native>['create']>[1]) {
    const [auth, origin] = await Promise.all([readAuth(native), originOf(native)])
    return service.create(input, { auth, context: native, origin })
  }
  async function revoke(native: Native, agentTaskId: string) {
    return service.revoke(agentTaskId, { auth: await readAuth(native), context: native })
  }
  async function list(native: Native, query?: Parameters<AgentTasksBase<Native>['list']>[1]) {
    return service.list(query, { auth: await readAuth(native), context: native })
  }
  async function revokeAll(native: Native, userId?: string) {
    return service.revokeAll({ auth: await readAuth(native), context: native }, userId)
  }
  const approvals: AgentTasksBase<Native>['approvals'] = {
    list: async (native) => service.approvals.list({ auth: await readAuth(native), context: native }),
    approve: async (native, approvalId) => service.approvals.approve(approvalId, { auth: await readAuth(native), context: native }),
    decline: async (native, approvalId) => service.approvals.decline(approvalId, { auth: await readAuth(native), context: native }),
  }

  return {
    ...door,
    ...createAgentGuard(door, service),
    service,
    store,
    create,
    revoke,
    list,
    revokeAll,
    approvals,
    instance: (mount) => ({ create, revoke, list, revokeAll, approvals, store, ...mount }),
    currentRequestInstance: (currentNative, mount) => ({
      // async, so that a call outside a request rejects rather than throws.
      create: async (input) => create(currentNative('create'), input),
      revoke: async (agentTaskId) => revoke(currentNative('revoke'), agentTaskId),
      list: async (query) => list(currentNative('list'), query),
      revokeAll: async (userId) => revokeAll(currentNative('revokeAll'), userId),
      approvals: {
        list: async () => approvals.list(currentNative('approvals.list')),
        approve: async (approvalId) => approvals.approve(currentNative('approvals.approve'), approvalId),
        decline: async (approvalId) => approvals.decline(currentNative('approvals.decline'), approvalId),
      },
      store,
      ...mount,
    }),
  }
}
