import { createHash } from 'node:crypto'
import type { EmulatorContext } from './context.js'
import { randomSecret } from './crypto/ids.js'
import { createSigningKeys } from './crypto/keys.js'
import { buildEnv } from './env.js'
import { Faults } from './http/faults.js'
import { RateLimiter } from './http/rate-limit.js'
import { RequestLog } from './http/request-log.js'
import { normalizeOrigin } from './redirects.js'
import { validateSeed } from './seed/validate.js'
import { toAgentTaskState, toEmulatorUser, toSessionState } from './serialize.js'
import { createEmulatorServer } from './server.js'
import { emailCodesOf } from './fapi/clerk-js/sign-in-state.js'
import { listen } from './tls/listen.js'
import { mintSessionToken } from './session/tokens.js'
import { InspectorAuth } from './inspector/auth.js'
import { INSPECTOR_PATH } from './inspector/routes.js'
import { exportSnapshot, importSnapshot } from './state/snapshot.js'
import { Store } from './state/store.js'
import type { Emulator, EmulatorOptions, EmulatorUser, EmulatorUserInput, RateLimitOptions } from './types.js'
import { startWebhooks, validateWebhookOptions, webhookUrl } from './webhooks/setup.js'

const HOST = '127.0.0.1'

function defaultRateLimit(instance: 'development' | 'production'): RateLimitOptions {
  return { requests: instance === 'production' ? 1000 : 100, windowMs: 10_000 }
}

function validateOptions(options: EmulatorOptions): void {
  const { port, sessionTokenTtlSeconds, rateLimit, secretKey, instance = 'development' } = options
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error('port must be an integer 0-65535.')
  if (sessionTokenTtlSeconds !== undefined && (!Number.isInteger(sessionTokenTtlSeconds) || sessionTokenTtlSeconds < 1)) {
    throw new Error('sessionTokenTtlSeconds must be a positive integer.')
  }
  if (rateLimit && (!(rateLimit.requests > 0) || !(rateLimit.windowMs > 0))) throw new Error('rateLimit needs positive requests and windowMs.')
  const prefix = instance === 'production' ? 'sk_live_' : 'sk_test_'
  if (secretKey !== undefined && !(secretKey.startsWith(prefix) && secretKey.length > prefix.length)) {
    throw new Error(`secretKey must start with ${prefix} for a ${instance} instance.`)
  }
  validateWebhookOptions(options.webhooks)
}

/** Clerk's cookie suffix: first 8 chars of base64url(SHA-1(publishable key)). */
function cookieSuffixFor(publishableKey: string): string {
  return createHash('sha1').update(publishableKey).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8)
}

/**
 * Starts an offline Clerk emulator on 127.0.0.1: Backend API (`/v1/...` with the secret key), the Frontend API
 * parts agent-task links and handshakes need, and a hosted sign-in page.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ users: [{ email: 'ada@example.com', firstName: 'Ada' }] })
 * const clerk = createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  validateOptions(options)
  const instance = options.instance ?? 'development'
  const keys = createSigningKeys(options.signingKey)
  const store = new Store()
  const faults = new Faults()
  const log = new RequestLog()
  const limiter = new RateLimiter(options.rateLimit === undefined ? defaultRateLimit(instance) : options.rateLimit)
  const allowedRedirectOrigins = new Set((options.allowedRedirectOrigins ?? []).map(normalizeOrigin))
  for (const user of validateSeed(options.seed, 'seed').users ?? []) store.createUser(user)
  for (const user of options.users ?? []) store.createUser(user)

  let context: EmulatorContext | undefined
  const server = createEmulatorServer({ context: () => context, faults, limiter, log })
  const listening = await listen(server, options.port ?? 0, HOST, options.tls)
  const { port } = listening
  const url = `http://${HOST}:${port}`
  const frontendApi = `${HOST}:${port}`
  const live = instance === 'production'
  const publishableKey = `${live ? 'pk_live_' : 'pk_test_'}${Buffer.from(`${frontendApi}$`).toString('base64').replace(/=+$/, '')}`
  const secretKey = options.secretKey ?? `${live ? 'sk_live_' : 'sk_test_'}${randomSecret(30).replace(/[-_]/g, '')}`
  const ctx: EmulatorContext = {
    url,
    frontendApi,
    issuer: `https://${frontendApi}`,
    instance,
    secretKey,
    publishableKey,
    cookieSuffix: cookieSuffixFor(publishableKey),
    keys,
    store,
    sessionTokenTtlSeconds: options.sessionTokenTtlSeconds ?? 60,
    allowedRedirectOrigins,
  }
  context = ctx
  const signInUrl = `${url}/sign-in`
  const webhooks = startWebhooks(store, options.webhooks, { url, secretKey })
  const env = Object.freeze({ ...buildEnv({ url, secretKey, publishableKey, jwtKey: keys.publicKeyPem, signInUrl }), ...webhooks.env })

  const resetAll = () => {
    store.reset()
    webhooks.sender.reset()
    log.clear()
    limiter.reset()
    faults.clear()
  }
  const inspector = new InspectorAuth()
  ctx.admin = { reset: resetAll, inspector, webhookDeliveries: () => webhooks.sender.deliveries() }

  let closed: Promise<void> | undefined
  return {
    url,
    apiUrl: url,
    secretKey,
    publishableKey,
    jwtKey: keys.publicKeyPem,
    frontendApi,
    signInUrl,
    inspectorUrl: `${url}${INSPECTOR_PATH}`,
    createAdminLink: () => `${url}/_emulator/login?token=${inspector.issueLoginToken()}`,
    frontendApiUrl: listening.tls ? `https://${frontendApi}` : undefined,
    tls: listening.tls,
    env,
    instance,
    users: {
      create: (input: EmulatorUserInput): EmulatorUser => toEmulatorUser(store.createUser(input)),
      list: () => [...store.users.values()].map(toEmulatorUser),
      findByEmail: (email: string) => {
        const user = store.findUserByEmail(email)
        return user ? toEmulatorUser(user) : undefined
      },
    },
    state: {
      agentTasks: () => [...store.agentTasks.values()].map(toAgentTaskState),
      sessions: () => store.listSessions().map(toSessionState),
      requests: () => log.list(),
      webhookDeliveries: () => webhooks.sender.deliveries(),
      emailCodes: () => emailCodesOf(store),
      reset: resetAll,
      export: () => exportSnapshot(store, instance),
      import: (snapshot) => {
        importSnapshot(store, snapshot)
      },
    },
    faults: {
      add: (rule) => faults.add(rule),
      clear: () => faults.clear(),
    },
    webhookSigningSecret: webhooks.signingSecret,
    setWebhookUrl: (target) => webhooks.sender.setUrl(target === null ? undefined : webhookUrl(target, 'setWebhookUrl(url)')),
    async signIn(userId, signInOptions = {}) {
      if (!store.users.has(userId)) throw new Error(`Unknown user ${userId}.`)
      const session = store.createSession(userId, store.createClient(), signInOptions.actor ? { actor: signInOptions.actor } : {})
      const token = mintSessionToken(ctx, session, signInOptions.azp ? { azp: signInOptions.azp } : {})
      return { sessionId: session.id, token }
    },
    close() {
      webhooks.sender.close()
      closed ??= listening.close()
      return closed
    },
  }
}
