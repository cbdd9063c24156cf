import type { EmulatorTls, TlsOption } from './tls/listen.js'
import type { SigningKeyInput } from './crypto/keys.js'
import type { EmulatorSnapshot } from './state/snapshot.js'

/** Instance flavour: decides key prefixes (`pk_test_`/`pk_live_`), handshake transport and the default rate limit. */
export type InstanceType = 'development' | 'production'

/** A user to seed at start-up or create through {@link EmulatorUsers.create}. */
export interface EmulatorUserInput {
  /** Primary email address (stored as verified). */
  email?: string
  /** Extra verified email addresses. */
  additionalEmails?: string[]
  firstName?: string
  lastName?: string
  username?: string
  /** Fixed `user_…` id; default: random. */
  id?: string
  publicMetadata?: Record<string, unknown>
  privateMetadata?: Record<string, unknown>
  unsafeMetadata?: Record<string, unknown>
  /**
   * Password for password sign-in. Kept only as a salted scrypt hash. No policy checks here (as the Backend
   * API's `skip_password_checks`): any non-empty string.
   */
  password?: string
}

/** What a seed file (`--seed file.yaml|file.json`) holds. */
export interface EmulatorSeed {
  /** Format version; only `1` so far. Optional. */
  version?: 1
  users?: EmulatorUserInput[]
}

/** A user held by the emulator. */
export interface EmulatorUser {
  readonly id: string
  /** Primary email address, or `null` when the user has none. */
  readonly email: string | null
  readonly emailAddresses: readonly string[]
  readonly firstName: string | null
  readonly lastName: string | null
  readonly username: string | null
  /** Whether the user has a password (the Backend API's `password_enabled`). */
  readonly passwordEnabled: boolean
  /** Unix milliseconds. */
  readonly createdAt: number
}

/** BAPI rate limit: more than `requests` authenticated calls within `windowMs` answer 429 with `Retry-After`. */
export interface RateLimitOptions {
  requests: number
  windowMs: number
}

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1. Default `0` (a free port). The host is always 127.0.0.1. */
  port?: number
  /** Users created at start-up. */
  users?: EmulatorUserInput[]
  /** Default `'development'`. */
  instance?: InstanceType
  /** Lifetime of session tokens (JWTs). Default 60, like Clerk. */
  sessionTokenTtlSeconds?: number
  /**
   * Origins (e.g. `https://app.example.test`) agent-task links, the sign-in page and handshakes may redirect to,
   * in addition to loopback hosts (127.0.0.1, localhost, [::1]) on any port, which are always allowed.
   */
  allowedRedirectOrigins?: string[]
  /** BAPI rate limit, or `false` for none. Default 100 requests / 10 s (development), 1000 / 10 s (production). */
  rateLimit?: RateLimitOptions | false
  /** Use this secret key instead of a random one (must start with `sk_test_` or `sk_live_` matching `instance`). */
  secretKey?: string
  /** Reuse an RSA-2048 signing key instead of generating one per start. */
  signingKey?: SigningKeyInput
  /**
   * Users to create at start-up, before `users`: the parsed content of a seed file (`--seed`), checked the
   * same way (a bad entry throws an error naming `users[i].<field>`).
   */
  seed?: EmulatorSeed
  /** Send Clerk's session and user webhooks (signed as Svix signs them). Default: none sent. */
  webhooks?: WebhookOptions
  /**
   * https on the same port as http, for browsers: clerk-js and the Frontend API at `https://<frontendApi>`.
   * The certificate is signed by a local CA kept in `caDir` (default `AGENT_TASKS_EMULATOR_CA_DIR`, else
   * `~/.local/share/agent-tasks/emulator-ca`), created on first use. `false`: http only. Default on.
   */
  tls?: TlsOption
}

/** Clerk webhook events the emulator sends. */
export type WebhookEventType =
  | 'session.created'
  | 'session.ended'
  | 'session.revoked'
  | 'session.removed'
  | 'user.created'
  | 'user.updated'
  | 'user.deleted'

/** Where and how the emulator delivers webhooks. */
export interface WebhookOptions {
  /** The endpoint Clerk would POST to, e.g. `http://127.0.0.1:3000/api/agent-tasks/clerk-webhook`. Default: none until {@link Emulator.setWebhookUrl}. */
  url?: string
  /** `whsec_…` secret to sign with. Default: a new one per start ({@link Emulator.webhookSigningSecret}). */
  signingSecret?: string
  /** Waits before each retry of a failed delivery. Default Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. `[]`: no retries. */
  retryDelaysMs?: readonly number[]
}

/** One delivery attempt of a webhook. */
export interface WebhookDelivery {
  readonly eventType: WebhookEventType
  /** The `svix-id` header: the same on every attempt of one event. */
  readonly svixId: string
  /** 1 for the first attempt. */
  readonly attempt: number
  /** Whether the endpoint answered 2xx. */
  readonly ok: boolean
  /** The endpoint's HTTP status, when it answered. */
  readonly status?: number
  /** Why no answer came (connection refused, timeout, …). */
  readonly error?: string
  /** Unix milliseconds when the attempt started. */
  readonly at: number
}

/** Status of an agent task. */
export type AgentTaskStatus = 'pending' | 'used' | 'revoked'

/** Snapshot of an agent task (the ticket itself is never exposed). */
export interface AgentTaskState {
  readonly id: string
  readonly agentId: string
  readonly agentName: string
  readonly userId: string
  readonly status: AgentTaskStatus
  readonly redirectUrl: string
  readonly taskDescription: string
  readonly permissions: string
  readonly sessionMaxDurationInSeconds: number
  /** Unix milliseconds. */
  readonly createdAt: number
  /** Unix milliseconds; set once used or revoked. */
  readonly updatedAt: number
  /** The session the link created, once used. */
  readonly sessionId?: string
}

/** Status of a session, as Clerk reports it. */
export type SessionStatus = 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned'

/** Snapshot of a session. */
export interface SessionState {
  readonly id: string
  readonly userId: string
  readonly clientId: string
  readonly status: SessionStatus
  /** The `act` claim of its tokens (`{ type: 'agent', sub: agentId, task_id }` for agent sessions), else `null`. */
  readonly actor: Readonly<Record<string, unknown>> | null
  /** The agent task that created it, if any. */
  readonly agentTaskId?: string
  /** Unix milliseconds. */
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastActiveAt: number
  readonly expireAt: number
  readonly abandonAt: number
}

/** One line of the request log. `path` never includes the query string. */
export interface RequestLogEntry {
  readonly method: string
  readonly path: string
  /** HTTP status sent, or `0` when the connection was dropped before a response. */
  readonly status: number
  /** Unix milliseconds when the request arrived. */
  readonly at: number
}

/** A fault-injection rule. The first matching rule applies; rules are checked before auth and routing. */
export interface FaultRule {
  /** HTTP method to match (case-insensitive). Default: any. */
  method?: string
  /** Exact pathname (no query string) or a RegExp tested against the pathname. */
  path: string | RegExp
  /** Answer with this status instead of the real handler. */
  status?: number
  /** JSON body for `status`. Default: a Clerk error body matching the status. */
  body?: unknown
  /** Adds `Retry-After: <seconds>` to the fault response. */
  retryAfterSeconds?: number
  /** Waits this long first; on its own (no status/drop/malformed) the real handler then answers. */
  latencyMs?: number
  /** Destroys the socket without answering. */
  dropConnection?: boolean
  /** Answers `status` (default 200) with `Content-Type: application/json` and a truncated, unparsable body. */
  malformed?: boolean
  /** How many matching requests the rule affects before it disappears. Default: unlimited. */
  times?: number
}

/** User management on a running emulator. */
export interface EmulatorUsers {
  /** Creates a user. Throws if the email or username is taken. */
  create(input: EmulatorUserInput): EmulatorUser
  list(): EmulatorUser[]
  findByEmail(email: string): EmulatorUser | undefined
}

/** A sign-in email code the emulator made (never sent anywhere). Times are Unix milliseconds. */
export interface EmailCodeState {
  email: string
  userId: string
  /** Six digits. */
  code: string
  signInId: string
  createdAt: number
  expiresAt: number
}

/** Read-only views of the emulator's state. */
export interface EmulatorState {
  agentTasks(): ReadonlyArray<AgentTaskState>
  sessions(): ReadonlyArray<SessionState>
  requests(): ReadonlyArray<RequestLogEntry>
  /** Webhook delivery attempts, oldest first (the last 1000). */
  webhookDeliveries(): ReadonlyArray<WebhookDelivery>
  /**
   * Email codes `<SignIn/>` asked for (`prepare_first_factor` with `email_code`) that are still usable, newest
   * first. The emulator sends no email: tests read the code here (people on the emulator's `/email-codes` page).
   */
  emailCodes(): ReadonlyArray<EmailCodeState>
  /** Forgets agent tasks, sessions, clients, the request log, webhook deliveries (and their pending retries), rate-limit counters and fault rules. Users and keys stay. */
  reset(): void
  /**
   * The state as a versioned JSON snapshot (`JSON.stringify` it to save it): users with their password
   * hashes, clients, sessions, agent tasks with the SHA-256 hashes of their tickets (never a ticket).
   */
  export(): EmulatorSnapshot
  /**
   * Replaces users, clients, sessions and agent tasks with a snapshot's (from `export()` or
   * `GET /_emulator/state`, of this or another emulator). Checked first: a bad one throws a `SnapshotError`
   * naming the field (`snapshot: users[0].passwordHash: …`) and changes nothing. Keys, fault rules, the
   * request log and webhook settings stay; browser cookies of the old state no longer sign anyone in.
   */
  import(snapshot: unknown): void
}

/** Fault injection on a running emulator. */
export interface EmulatorFaults {
  add(rule: FaultRule): void
  clear(): void
}

/** Options for {@link Emulator.signIn}. */
export interface SignInOptions {
  /** Actor (`act` claim) for the session, e.g. `{ type: 'agent', sub: 'agent_…' }`. Default: none. */
  actor?: Record<string, unknown>
  /** `azp` claim for the token. Default: none. */
  azp?: string
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>` — also the Frontend API. */
  readonly url: string
  /** Pass as `apiUrl` / `CLERK_API_URL` (the SDK appends `/v1`). */
  readonly apiUrl: string
  readonly secretKey: string
  readonly publishableKey: string
  /** SPKI PEM of the signing key, for `jwtKey` / `CLERK_JWT_KEY` (networkless verification). */
  readonly jwtKey: string
  /** Frontend API host encoded in the publishable key: `127.0.0.1:<port>`. */
  readonly frontendApi: string
  /** The hosted sign-in page: `<url>/sign-in`. */
  readonly signInUrl: string
  /** The inspector page, `<url>/_emulator/` (loopback only; the secret key as Bearer, or an admin link's cookie). */
  readonly inspectorUrl: string
  /**
   * A new one-time link to the inspector (`<url>/_emulator/login?token=…`): opening it in a browser sets an
   * HttpOnly, SameSite=Strict admin cookie; it works once. Treat it as a secret: do not log it.
   */
  createAdminLink(): string
  /** `https://<frontendApi>` — where browsers reach the Frontend API and clerk-js; `undefined` when `tls` is `false`. */
  readonly frontendApiUrl: string | undefined
  /** The local CA behind the https certificate, for a browser to trust; `undefined` when `tls` is `false`. */
  readonly tls: EmulatorTls | undefined
  /**
   * Environment for an app using Clerk SDKs against this emulator (real PEM newlines in `CLERK_JWT_KEY`):
   * the `CLERK_*` names. `sdkEnv(env)` adds each framework SDK's own names (`NEXT_PUBLIC_…`, `VITE_…`, …).
   */
  readonly env: Readonly<Record<string, string>>
  readonly instance: InstanceType
  readonly users: EmulatorUsers
  readonly state: EmulatorState
  readonly faults: EmulatorFaults
  /** The `whsec_…` secret webhooks are signed with (`CLERK_WEBHOOK_SIGNING_SECRET` in `env` when `webhooks` is set). */
  readonly webhookSigningSecret: string
  /** Sends webhooks to `url` from now on (`null`: stop sending); for an app whose port is known only after the emulator started. */
  setWebhookUrl(url: string | null): void
  /** Creates a normal session for the user and returns a fresh session token (for `Authorization: Bearer`). */
  signIn(userId: string, options?: SignInOptions): Promise<{ sessionId: string; token: string }>
  /** Stops the server and drops open connections. */
  close(): Promise<void>
}
