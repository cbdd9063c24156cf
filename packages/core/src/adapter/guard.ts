import type { ContractResponse } from '../http/contract.js'
import { guardRefusalResponse } from '../http/guard-response.js'
import { toWebResponse } from '../http/responses.js'
import { isAgentAuth } from '../policy/session-link.js'
import type { AgentTasksService } from '../service.js'
import type { AgentTasksAuth } from '../types.js'
import type { FrontDoor } from './front-door.js'

/** The request as the guard needs it: what the app routes, after any method override or rewrite. */
export interface GuardedRequest {
  method: string
  /** The pathname (a query is ignored), as the client sent it. */
  path: string
  /** The `Accept` header: a GET or HEAD accepting `text/html` is a page navigation, refused with a page. */
  accept?: string | null | undefined
}

export interface AgentGuard<Native> {
  /**
   * Checks one request of the app against the agent policy. `undefined`: let it through (every
   * person's request, and an agent's the policy allows); a response: answer it and stop (403
   * `agent_action_forbidden`, as a problem document or a small page; 503 `store_unavailable` when the
   * ledger, Clerk or the approval store fails — never open). Never rejects, but for the framework's
   * own errors.
   */
  guard(native: Native, request: GuardedRequest): Promise<ContractResponse | undefined>
  /** `guard` for a framework with Web `Request`s: method, pathname and `Accept` read from `request`. */
  guardWeb(native: Native, request: Request): Promise<Response | undefined>
}

/** The request, or how to read it (only for agent sessions). */
type RequestOf = GuardedRequest | (() => GuardedRequest)

// One settled promise for every request let through without work: a person's request allocates none.
const PASSED: Promise<undefined> = Promise.resolve(undefined)

/**
 * The guard every adapter mounts in its framework's middleware. A person's request is told apart
 * synchronously (no store call, no promise of its own when the framework reads auth synchronously);
 * an agent session's goes to the policy.
 */
export function createAgentGuard<Native>(door: Pick<FrontDoor<Native>, 'readCaller' | 'answer'>, service: AgentTasksService<Native>): AgentGuard<Native> {
  const answer = (error: unknown): ContractResponse => door.answer(error)

  function decide(native: Native, auth: AgentTasksAuth | null, requestOf: RequestOf): Promise<ContractResponse | undefined> {
    if (!isAgentAuth(auth)) return PASSED
    const request = typeof requestOf === 'function' ? requestOf() : requestOf
    return service.policy
      .guard({ auth, method: request.method, path: request.path, accept: request.accept, context: native })
      .then((outcome) => (outcome.pass ? undefined : guardRefusalResponse(outcome, request.method, request.path)), answer)
  }

  /** `requestOf` is read only for agent sessions: a person's request costs no URL parsing. */
  function guardLazily(native: Native, requestOf: RequestOf): Promise<ContractResponse | undefined> {
    let read: ReturnType<FrontDoor<Native>['readCaller']>
    try {
      read = door.readCaller(native)
    } catch (error) {
      return new Promise((resolve) => resolve(answer(error)))
    }
    if (read instanceof Promise) return read.then((auth) => decide(native, auth, requestOf), answer)
    return decide(native, read, requestOf)
  }

  return {
    guard: guardLazily,
    guardWeb(native, request) {
      const response = guardLazily(native, () => ({ method: request.method, path: new URL(request.url).pathname, accept: request.headers.get('accept') }))
      return response === PASSED ? PASSED : response.then((answered) => answered && toWebResponse(answered))
    },
  }
}
