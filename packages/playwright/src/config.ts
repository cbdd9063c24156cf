import { AgentTaskSignInError } from './errors.js'
import type {
  AgentTaskLinkOptions,
  AgentTaskUser,
  ClerkConnectionOptions,
  NewTestUser,
  WorkerIdentity,
  WorkerUserChoice,
} from './options.js'

/** The connection after defaults and checks. */
export interface ClerkConnection {
  secretKey: string
  apiUrl: string | undefined
  instance: 'development' | 'production'
}

export type Env = Readonly<Record<string, string | undefined>>

const TRUE_VALUES = new Set(['1', 'true', 'yes'])

/**
 * Options over environment (`CLERK_SECRET_KEY`, `CLERK_API_URL`, `AGENT_TASKS_ALLOW_LIVE_KEYS`), and the
 * checks that must pass before anything talks to Clerk. Errors never contain the key.
 */
export function resolveClerkConnection(options: ClerkConnectionOptions, env: Env = process.env): ClerkConnection {
  const secretKey = (options.secretKey ?? env.CLERK_SECRET_KEY ?? '').trim()
  if (!secretKey) {
    throw new AgentTaskSignInError(
      'missing_secret_key',
      'No Clerk secret key: set CLERK_SECRET_KEY (a development instance key, sk_test_…) or pass secretKey.',
    )
  }
  const instance = secretKey.startsWith('sk_live_') ? 'production' : secretKey.startsWith('sk_test_') ? 'development' : undefined
  if (!instance) {
    throw new AgentTaskSignInError(
      'invalid_secret_key',
      'The Clerk secret key does not look like one: expected sk_test_… (or sk_live_…). A publishable key (pk_…) will not do.',
    )
  }
  const allowLiveKeys = options.allowLiveKeys ?? TRUE_VALUES.has((env.AGENT_TASKS_ALLOW_LIVE_KEYS ?? '').toLowerCase())
  if (instance === 'production' && !allowLiveKeys) {
    throw new AgentTaskSignInError(
      'live_key_refused',
      'Refusing a live Clerk secret key (sk_live_…): agent-task sign-ins would create real sessions for real users in production. ' +
        'Use a development instance (sk_test_…), or pass allowLiveKeys: true (or set AGENT_TASKS_ALLOW_LIVE_KEYS=1) if you really mean it.',
    )
  }
  const apiUrl = options.apiUrl ?? (env.CLERK_API_URL || undefined)
  if (apiUrl !== undefined && !isHttpUrl(apiUrl)) {
    throw new AgentTaskSignInError('invalid_option', 'apiUrl (or CLERK_API_URL) must be an http(s) URL, e.g. http://127.0.0.1:4010.')
  }
  return { secretKey, apiUrl, instance }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** The absolute URL a link lands on: `redirectUrl` (absolute, or relative to `baseURL`), else `baseURL`. */
export function resolveRedirectUrl(redirectUrl: string | undefined, baseURL: string | undefined): URL {
  const target = redirectUrl ?? baseURL
  if (!target) {
    throw new AgentTaskSignInError(
      'invalid_option',
      'Where should the link land? Set use.baseURL in the Playwright config, or agentTasks.redirectUrl / redirectUrl to an absolute URL.',
    )
  }
  let url: URL
  try {
    url = baseURL ? new URL(target, baseURL) : new URL(target)
  } catch {
    throw new AgentTaskSignInError(
      'invalid_option',
      `redirectUrl "${target}" is not an absolute URL and there is no baseURL to resolve it against.`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AgentTaskSignInError('invalid_option', 'redirectUrl must be an http(s) URL.')
  }
  return url
}

/** Link options after defaults, checked. */
export interface ResolvedLinkOptions {
  agentName: string
  taskDescription: string
  sessionMaxDurationInSeconds: number
  timeoutMs: number
}

export const linkDefaults: ResolvedLinkOptions = {
  agentName: 'playwright',
  taskDescription: 'Playwright sign-in',
  sessionMaxDurationInSeconds: 3600,
  timeoutMs: 30_000,
}

export function resolveLinkOptions(options: AgentTaskLinkOptions): ResolvedLinkOptions {
  const resolved: ResolvedLinkOptions = {
    agentName: options.agentName ?? linkDefaults.agentName,
    taskDescription: options.taskDescription ?? linkDefaults.taskDescription,
    sessionMaxDurationInSeconds: options.sessionMaxDurationInSeconds ?? linkDefaults.sessionMaxDurationInSeconds,
    timeoutMs: options.timeoutMs ?? linkDefaults.timeoutMs,
  }
  for (const name of ['agentName', 'taskDescription'] as const) {
    if (typeof resolved[name] !== 'string' || resolved[name].trim() === '') {
      throw new AgentTaskSignInError('invalid_option', `${name} must be a non-empty string.`)
    }
  }
  for (const name of ['sessionMaxDurationInSeconds', 'timeoutMs'] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] <= 0) {
      throw new AgentTaskSignInError('invalid_option', `${name} must be a positive integer.`)
    }
  }
  return resolved
}

/** Checks a user selector: exactly one of `userId` / `identifier`, non-empty. */
export function checkUser(user: unknown): AgentTaskUser {
  const candidate = (user ?? {}) as { userId?: unknown; identifier?: unknown }
  const hasId = typeof candidate.userId === 'string' && candidate.userId !== ''
  const hasIdentifier = typeof candidate.identifier === 'string' && candidate.identifier !== ''
  if (hasId === hasIdentifier) {
    throw new AgentTaskSignInError(
      'invalid_option',
      'user must be exactly one of { userId: "user_…" } or { identifier: "<email, username or phone>" }.',
    )
  }
  return hasId ? { userId: candidate.userId as string } : { identifier: candidate.identifier as string }
}

/** The worker's user after applying a per-worker function: an existing user, or a user to create. */
export function pickWorkerUser(
  choice: WorkerUserChoice | ((worker: WorkerIdentity) => WorkerUserChoice),
  worker: WorkerIdentity,
): AgentTaskUser | { create: true | NewTestUser } {
  const picked = typeof choice === 'function' ? choice(worker) : choice
  if (picked && typeof picked === 'object' && 'create' in picked && picked.create) {
    return { create: picked.create }
  }
  return checkUser(picked)
}
