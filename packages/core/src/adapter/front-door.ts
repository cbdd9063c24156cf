import { AgentTaskError } from '../errors.js'
import type { ContractRequest, ContractResponse } from '../http/contract.js'
import { answerError } from '../http/error-response.js'
import { toWebResponse } from '../http/responses.js'
import { runContract } from '../http/run-contract.js'
import { isClerkWebhookPath } from '../http/routes.js'
import { type PreParsedBody, webContractRequest } from '../http/web-request.js'
import type { AgentTasksService } from '../service.js'
import type { AgentTasksAuth } from '../types.js'
import type { FrameworkAdapter } from './framework-adapter.js'
import { createOriginChecker } from './request-origin.js'

/** What the front door reads per request: a `FrameworkAdapter` but for its Clerk client. */
export type RequestReader<Native> = Omit<FrameworkAdapter<Native>, 'clerkClient' | 'readAuth'> & {
  /** `undefined` when the framework's Clerk middleware did not run; `null` when signed out. */
  readAuth(native: Native): AgentTasksAuth | null | undefined | Promise<AgentTasksAuth | null | undefined>
}

export interface FrontDoor<Native> {
  /** Answers one request of the HTTP contract. Never rejects, but for the framework's own errors. */
  respond(native: Native, request: ContractRequest): Promise<ContractResponse>
  /**
   * `respond` for a framework with Web `Request`s: `path` is the part below the mount point as sent
   * (`undefined`: not below it, 404), `body` what the framework already parsed, if anything.
   */
  respondWeb(native: Native, request: Request, path: string | undefined, body?: PreParsedBody): Promise<Response>
  /** The caller on this request; rejects with the adapter's fix when the framework's Clerk middleware did not run. */
  readAuth(native: Native): Promise<AgentTasksAuth | null>
  /** The app's origin for this request: the `origin` option, else the request's, checked. */
  originOf(native: Native): string | Promise<string>
  /**
   * @internal `readAuth` without a promise when the framework's read has none (the guard's person
   * path stays synchronous); throws (or rejects) when the framework's Clerk middleware did not run.
   */
  readCaller(native: Native): AgentTasksAuth | null | Promise<AgentTasksAuth | null>
  /** @internal the answer to whatever a request threw, as `respond` gives it (the framework's own errors rethrown). */
  answer(error: unknown): ContractResponse
}

/**
 * The one way into the HTTP contract: every adapter's routes and core's own `createAgentTasks().handle`
 * answer through it, so origin checks, error answers and logging are the same everywhere. `contextOf`
 * is what `authorize` and hooks receive (an adapter's request object itself).
 */
export function createFrontDoor<Native, Context>(
  reader: RequestReader<Native>,
  service: AgentTasksService<Context>,
  contextOf: (native: Native) => Context,
): FrontDoor<Native> {
  const { resolved } = service
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

  function originOf(native: Native): string | Promise<string> {
    if (resolved.origin !== undefined) return resolved.origin
    const raw = reader.requestOrigin(native)
    return raw instanceof Promise ? raw.then(checkOrigin) : checkOrigin(raw)
  }

  const errorOptions = { isFrameworkError: reader.isFrameworkError?.bind(reader) }

  // The framework's reads are often synchronous; awaiting only real promises keeps the request path
  // free of needless microtask turns.
  async function respond(native: Native, request: ContractRequest): Promise<ContractResponse> {
    try {
      // Clerk's webhooks carry no session: the caller is not read (nor the Clerk middleware required).
      const read = isClerkWebhookPath(request.path) ? null : reader.readAuth(native)
      const auth = read instanceof Promise ? await read : read
      if (auth === undefined) throw missing()
      return await runContract(service, request, { auth, context: contextOf(native), origin: () => originOf(native) })
    } catch (error) {
      return answerError(error, errorOptions)
    }
  }

  function readCaller(native: Native): AgentTasksAuth | null | Promise<AgentTasksAuth | null> {
    const read = reader.readAuth(native)
    if (read instanceof Promise) {
      return read.then((auth) => {
        if (auth === undefined) throw missing()
        return auth
      })
    }
    if (read === undefined) throw missing()
    return read
  }

  return {
    respond,
    respondWeb: (native, request, path, body) => respond(native, webContractRequest(request, path, body)).then(toWebResponse),
    async readAuth(native) {
      return readCaller(native)
    },
    originOf,
    readCaller,
    answer: (error) => answerError(error, errorOptions),
  }
}
