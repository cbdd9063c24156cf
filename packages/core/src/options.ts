import { createClerkClient } from '@clerk/backend'
import type { ApprovalStore } from './policy/approval-store.js'
import { type AgentPolicyOptions, type ResolvedPolicy, resolvePolicy } from './policy/rules.js'
import { type MintLimitsOptions, type ResolvedMintLimits, resolveMintLimits } from './limits/mint-limits.js'
import { createMemoryStore } from './store/memory-store.js'
import type { AgentTaskStore } from './store/types.js'
import type { AgentTaskHooks, AuthorizeArgs, ClerkAgentTasksClient } from './types.js'
import type { CreateDefaults } from './validation/create-input.js'
import { normaliseOrigin } from './validation/redirect-url.js'

export interface AgentTasksOptions<Context = unknown> {
  /**
   * A Clerk client: your framework SDK's `clerkClient`, or `createClerkClient(...)`. A function is
   * called once, on first use. Give this or `secretKey`.
   */
  clerkClient?: ClerkAgentTasksClient | (() => ClerkAgentTasksClient)
  /** Used to create a `@clerk/backend` client when `clerkClient` is not given. */
  secretKey?: string
  /** Clerk Backend API URL (for the emulator or a proxy). Only with `secretKey`. */
  apiUrl?: string
  /** Agent name sent to Clerk, from which Clerk derives the stable `agentId`. Default `"agent-tasks"`. */
  agentName?: string
  /** Let callers pick `agentName`: `true` for any valid name, or the list of names allowed. Default `false`. */
  allowAgentName?: boolean | readonly string[]
  /** Description used when the caller sends none. Default `"Agent task"`. */
  taskDescription?: string
  redirect?: {
    /** Origins a link may land on. Default: the request's own origin. */
    allowedOrigins?: readonly string[]
    /** Where a link lands when the caller sends no `redirectUrl`. Default `"/"`. */
    defaultUrl?: string
  }
  session?: {
    /** Default `sessionMaxDurationInSeconds`. Default 1800 (Clerk's default). */
    defaultSeconds?: number
    /** Largest value a caller may ask for. Default 3600. */
    maxSeconds?: number
    /** Smallest value a caller may ask for. Default 60. */
    minSeconds?: number
  }
  /**
   * Decides whether a signed-in user may act beyond their own links: mint for another user or
   * revoke another user's link. Default: never.
   */
  authorize?: (args: AuthorizeArgs<Context>) => boolean | Promise<boolean>
  /** Let a session that was itself created by an agent task mint links. Default `false`. */
  allowAgentSessions?: boolean
  /**
   * Extra origins trusted for cookie-authenticated requests, e.g. the public origin when the app
   * runs behind a proxy that rewrites the host. The request's own origin is always trusted.
   */
  trustedOrigins?: readonly string[]
  /** Where minted links are recorded. Default: in memory, per process; `@agent-tasks/redis` for many instances. */
  store?: AgentTaskStore
  /**
   * Per-user limits on minting, checked before Clerk is called: a rate (default 30 per 60 s) and a
   * number of unused links held at once (default 50). `false` turns both off.
   */
  limits?: MintLimitsOptions | false
  /**
   * How long an unused link is honoured, in seconds. Clerk documents no lifetime for agent-task links,
   * so past this one the library revokes a link it meets unused (listing, limits, "end all") and marks
   * it `expired`. Default 86 400 (a day).
   */
  linkLifetimeSeconds?: number
  hooks?: AgentTaskHooks<Context>
  /** Longest wait for Clerk before answering 504. Default 10 000 ms. */
  clerkTimeoutMs?: number
  /** Longest wait for a request body to arrive before answering 408. Default 10 000 ms. */
  bodyTimeoutMs?: number
  /**
   * The app's public origin, e.g. `"https://app.example"`. Pin it in production: it resolves path
   * redirects, is the default allowed redirect origin and is what cookie requests must come from.
   * Default: the origin of each request as the framework sees it — the `Host` header, and forwarded
   * headers only where the framework is told to trust a proxy (Express `trust proxy`, Fastify
   * `trustProxy`).
   */
  origin?: string
  /** Path the HTTP handler is mounted at, e.g. `"/api/agent-tasks"`. Adapters set this for you. */
  basePath?: string
  /**
   * What agent sessions may do in the app, enforced by the adapter's `guard`: named scopes a mint may
   * choose, the default policy for every agent session, and how long approvals last. Checked at
   * startup (a bad rule throws a `TypeError` naming it). Default: the built-in `read-only` scope and
   * an `ask` on `/billing/**`, `/account/**` and their `/api/` twins. See "Agent policy" in the README.
   */
  policy?: AgentPolicyOptions
  /** Where agents' requests for the person's approval live. Default: in memory, per process; `@agent-tasks/redis` for many instances. */
  approvals?: { store?: ApprovalStore }
  /**
   * The signing secret (`whsec_…`) of the Clerk webhook endpoint pointed at `POST {base}/clerk-webhook`.
   * Clerk's `session.*` events then update the ledger the moment they happen. Default: the
   * `CLERK_WEBHOOK_SIGNING_SECRET` environment variable, read per request; without either, the route answers 404.
   */
  webhookSigningSecret?: string
  /**
   * Whether the ledger asks Clerk's Backend API for users' active agent sessions to learn that a link
   * was used or its session ended (listing, revoking a used link, the guard placing a session it does
   * not know). Default `true`. Set `false` once Clerk's session webhooks reach the webhook route: records
   * then change only from webhooks (fewer Clerk calls and rate-limit use, but a missed or delayed
   * webhook leaves a record behind until Svix's retry). "End all agent access" still asks Clerk for every
   * agent session of the user, so the kill switch never depends on a webhook having arrived.
   */
  pollClerkForSessions?: boolean
}

export interface ResolvedOptions<Context = unknown> extends CreateDefaults {
  getClerkClient: () => ClerkAgentTasksClient
  authorize: ((args: AuthorizeArgs<Context>) => boolean | Promise<boolean>) | undefined
  allowAgentSessions: boolean
  trustedOrigins: readonly string[]
  store: AgentTaskStore
  limits: ResolvedMintLimits
  linkLifetimeSeconds: number
  hooks: AgentTaskHooks<Context>
  clerkTimeoutMs: number
  bodyTimeoutMs: number
  origin: string | undefined
  basePath: string
  maxBodyBytes: number
  policy: ResolvedPolicy
  /** The app's approval store; `undefined`: the in-memory default, built with the policy service on first use. */
  approvalStore: ApprovalStore | undefined
  /** `undefined`: `CLERK_WEBHOOK_SIGNING_SECRET`, read per request. */
  webhookSigningSecret: string | undefined
  pollClerkForSessions: boolean
}

function optionError(message: string): TypeError {
  return new TypeError(`@agent-tasks/core: ${message}`)
}

function resolveOrigins(name: string, origins: readonly string[] | undefined): string[] | undefined {
  if (origins === undefined) return undefined
  return origins.map((origin) => {
    const normalised = normaliseOrigin(origin)
    if (normalised === undefined) {
      throw optionError(`${name} must contain http(s) origins such as "https://app.example", got "${origin}"`)
    }
    return normalised
  })
}

function resolveClerkClient(options: AgentTasksOptions<never>): () => ClerkAgentTasksClient {
  const given = options.clerkClient
  if (given !== undefined) {
    if (typeof given !== 'function') return () => given
    let client: ClerkAgentTasksClient | undefined
    return () => {
      client ??= given()
      return client
    }
  }
  if (options.secretKey === undefined) {
    throw optionError('pass `clerkClient` (your Clerk SDK client) or `secretKey`')
  }
  if (!/^sk_(test|live)_/.test(options.secretKey)) {
    throw optionError('`secretKey` does not look like a Clerk secret key (sk_test_… or sk_live_…)')
  }
  const client = createClerkClient({
    secretKey: options.secretKey,
    ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
  })
  return () => client
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value <= 0) throw optionError(`${name} must be a positive whole number`)
  return value
}

/** Where the adapters' docs mount the contract: the agent-tasks deny covers it unless `policy.agentTasksPath` says otherwise. */
export const DEFAULT_AGENT_TASKS_PATH = '/api/agent-tasks'

function resolveApprovalStore(approvals: AgentTasksOptions['approvals']): ApprovalStore | undefined {
  if (approvals === undefined || approvals.store === undefined) return undefined
  const { store } = approvals
  for (const method of ['open', 'get', 'transition', 'listByUser'] as const) {
    if (typeof store[method] !== 'function') throw optionError(`approvals.store must implement ApprovalStore: ${method}() is missing`)
  }
  return store
}

function resolveSigningSecret(secret: string | undefined): string | undefined {
  if (secret === undefined) return undefined
  if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
    throw optionError('webhookSigningSecret must be the endpoint\'s signing secret as Clerk shows it: "whsec_" followed by base64')
  }
  return secret
}

export function resolveOptions<Context>(options: AgentTasksOptions<Context>): ResolvedOptions<Context> {
  const session = {
    defaultSeconds: positiveInteger('session.defaultSeconds', options.session?.defaultSeconds, 1800),
    maxSeconds: positiveInteger('session.maxSeconds', options.session?.maxSeconds, 3600),
    minSeconds: positiveInteger('session.minSeconds', options.session?.minSeconds, 60),
  }
  if (session.defaultSeconds < session.minSeconds || session.defaultSeconds > session.maxSeconds) {
    throw optionError(
      `session.defaultSeconds (${session.defaultSeconds}) must lie between session.minSeconds (${session.minSeconds}) and session.maxSeconds (${session.maxSeconds})`,
    )
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  if (basePath !== '' && !basePath.startsWith('/')) throw optionError('basePath must start with "/"')

  return {
    getClerkClient: resolveClerkClient(options as AgentTasksOptions<never>),
    agentName: options.agentName ?? 'agent-tasks',
    allowAgentName: options.allowAgentName ?? false,
    taskDescription: options.taskDescription ?? 'Agent task',
    redirect: {
      allowedOrigins: resolveOrigins('redirect.allowedOrigins', options.redirect?.allowedOrigins),
      defaultUrl: options.redirect?.defaultUrl ?? '/',
    },
    session,
    authorize: options.authorize,
    allowAgentSessions: options.allowAgentSessions ?? false,
    trustedOrigins: resolveOrigins('trustedOrigins', options.trustedOrigins) ?? [],
    store: options.store ?? createMemoryStore(),
    limits: resolveMintLimits(options.limits),
    linkLifetimeSeconds: positiveInteger('linkLifetimeSeconds', options.linkLifetimeSeconds, 86_400),
    hooks: options.hooks ?? {},
    clerkTimeoutMs: positiveInteger('clerkTimeoutMs', options.clerkTimeoutMs, 10_000),
    bodyTimeoutMs: positiveInteger('bodyTimeoutMs', options.bodyTimeoutMs, 10_000),
    origin: options.origin === undefined ? undefined : resolveOrigins('origin', [options.origin])?.[0],
    basePath,
    maxBodyBytes: 16 * 1024,
    policy: resolvePolicy(options.policy, { agentTasksPath: basePath === '' ? DEFAULT_AGENT_TASKS_PATH : basePath }),
    approvalStore: resolveApprovalStore(options.approvals),
    webhookSigningSecret: resolveSigningSecret(options.webhookSigningSecret),
    pollClerkForSessions: options.pollClerkForSessions ?? true,
  }
}
