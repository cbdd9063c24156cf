import { derivedId, randomId, randomSecret, sha256 } from '../crypto/ids.js'
import type { EmulatorUserInput } from '../types.js'
import { hashPassword, passwordMatches } from './passwords.js'
import { StoreEvents } from '../webhooks/store-events.js'
import type { AgentTaskRecord, ClientRecord, SessionRecord, UserRecord } from './records.js'

/** Clerk's defaults for a normal session: expires after 7 days, abandoned after 30. */
const SESSION_EXPIRE_MS = 7 * 24 * 3600 * 1000
const SESSION_ABANDON_MS = 30 * 24 * 3600 * 1000

export class IdentifierTakenError extends Error {
  constructor(readonly param: 'email_address' | 'username') {
    super(`That ${param === 'username' ? 'username' : 'email address'} is taken.`)
  }
}

export interface NewAgentTask {
  userId: string
  agentName: string
  taskDescription: string
  redirectUrl: string
  permissions: string
  sessionMaxDurationInSeconds: number
}

/** In-memory state of one emulator instance. */
export class Store {
  readonly users = new Map<string, UserRecord>()
  readonly clients = new Map<string, ClientRecord>()
  readonly sessions = new Map<string, SessionRecord>()
  readonly agentTasks = new Map<string, AgentTaskRecord>()
  /** sha256(ticket) → agent task id */
  private readonly tickets = new Map<string, string>()
  /** `__client` cookie value → client id */
  readonly clientCookies = new Map<string, string>()
  /** dev browser id (`__clerk_db_jwt`) → client id, or null when no client yet */
  readonly devBrowsers = new Map<string, string | null>()
  /** testing token (`__clerk_testing_token`) → when it expires (Unix ms) */
  readonly testingTokens = new Map<string, number>()
  /** sha256(nonce) → handshake directives */
  private readonly nonces = new Map<string, { directives: string[]; expiresAt: number }>()
  private salt = randomSecret(16)
  /** Session and user changes, as Clerk's webhooks report them. */
  readonly events = new StoreEvents()

  reset(): void {
    this.clients.clear()
    this.sessions.clear()
    this.agentTasks.clear()
    this.tickets.clear()
    this.clientCookies.clear()
    this.devBrowsers.clear()
    this.testingTokens.clear()
    this.nonces.clear()
  }

  /** Derives agent ids from agent names; part of a state snapshot so agents keep their ids. */
  get agentIdSalt(): string {
    return this.salt
  }

  /** Replaces every record with a snapshot's (see `state/snapshot.ts`); emits no events. */
  restore(state: { agentIdSalt: string; users: UserRecord[]; clients: ClientRecord[]; sessions: SessionRecord[]; agentTasks: AgentTaskRecord[] }): void {
    this.reset()
    this.users.clear()
    this.salt = state.agentIdSalt
    for (const user of state.users) this.users.set(user.id, user)
    for (const client of state.clients) this.clients.set(client.id, client)
    for (const session of state.sessions) this.sessions.set(session.id, session)
    for (const task of state.agentTasks) {
      this.agentTasks.set(task.id, task)
      this.tickets.set(task.ticketHash, task.id)
    }
  }

  // ── users ────────────────────────────────────────────────────────────────
  createUser(input: EmulatorUserInput & { externalId?: string | null }): UserRecord {
    if (input.password === '') throw new Error('password must not be empty (leave it out for a user without a password).')
    const now = Date.now()
    const addresses = [input.email, ...(input.additionalEmails ?? [])].filter((e): e is string => !!e)
    for (const address of addresses) {
      if (this.findUserByEmail(address)) throw new IdentifierTakenError('email_address')
    }
    if (input.username && this.findUserByUsername(input.username)) throw new IdentifierTakenError('username')
    const emails = addresses.map((email) => ({ id: randomId('idn'), email: email.toLowerCase(), createdAt: now }))
    const user: UserRecord = {
      id: input.id ?? randomId('user'),
      emails,
      primaryEmailAddressId: emails[0]?.id ?? null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      username: input.username ? input.username.toLowerCase() : null,
      externalId: input.externalId ?? null,
      publicMetadata: input.publicMetadata ?? {},
      privateMetadata: input.privateMetadata ?? {},
      unsafeMetadata: input.unsafeMetadata ?? {},
      passwordHash: input.password !== undefined ? hashPassword(input.password) : null,
      createdAt: now,
      updatedAt: now,
      lastSignInAt: null,
      lastActiveAt: null,
    }
    if (this.users.has(user.id)) throw new Error(`User ${user.id} already exists.`)
    this.users.set(user.id, user)
    this.events.emit({ type: 'user.created', user })
    return user
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase()
    for (const user of this.users.values()) {
      if (user.emails.some((e) => e.email === wanted)) return user
    }
    return undefined
  }

  findUserByUsername(username: string): UserRecord | undefined {
    const wanted = username.toLowerCase()
    for (const user of this.users.values()) if (user.username === wanted) return user
    return undefined
  }

  /** Resolves a verified email address or username. */
  findUserByIdentifier(identifier: string): UserRecord | undefined {
    return this.findUserByEmail(identifier) ?? this.findUserByUsername(identifier)
  }

  /** Sets (or with `null` removes) a user's password; only its hash is kept. */
  setPassword(userId: string, password: string | null): void {
    const user = this.users.get(userId)
    if (!user) throw new Error(`Unknown user ${userId}.`)
    user.passwordHash = password === null ? null : hashPassword(password)
    user.updatedAt = Date.now()
    this.events.emit({ type: 'user.updated', user })
  }

  /** Whether `password` is the user's password (false for an unknown user or one without a password). */
  verifyPassword(userId: string, password: string): boolean {
    const hash = this.users.get(userId)?.passwordHash
    return typeof hash === 'string' && passwordMatches(hash, password)
  }

  deleteUser(id: string): boolean {
    const user = this.users.get(id)
    if (!user) return false
    for (const session of this.sessions.values()) {
      if (session.userId === id) this.endSession(session, 'removed')
    }
    this.users.delete(id)
    this.events.emit({ type: 'user.deleted', user })
    return true
  }

  // ── clients & sessions ───────────────────────────────────────────────────
  createClient(): ClientRecord {
    const now = Date.now()
    const client: ClientRecord = { id: randomId('client'), sessionIds: [], lastActiveSessionId: null, createdAt: now, updatedAt: now }
    this.clients.set(client.id, client)
    return client
  }

  /** Issues the opaque `__client` cookie value for a client. */
  clientCookieFor(client: ClientRecord): string {
    const value = randomSecret(24)
    this.clientCookies.set(value, client.id)
    return value
  }

  clientFromCookie(value: string | undefined): ClientRecord | undefined {
    const id = value ? this.clientCookies.get(value) : undefined
    return id ? this.clients.get(id) : undefined
  }

  newDevBrowser(clientId: string | null): string {
    const id = randomId('dvb')
    this.devBrowsers.set(id, clientId)
    return id
  }

  createSession(
    userId: string,
    client: ClientRecord,
    extra: { actor?: Record<string, unknown> | null; agentTaskId?: string; maxDurationSeconds?: number } = {},
  ): SessionRecord {
    const now = Date.now()
    const expireAt = extra.maxDurationSeconds !== undefined ? now + extra.maxDurationSeconds * 1000 : now + SESSION_EXPIRE_MS
    const session: SessionRecord = {
      id: randomId('sess'),
      userId,
      clientId: client.id,
      status: 'active',
      actor: extra.actor ?? null,
      createdAt: now,
      updatedAt: now,
      lastActiveAt: now,
      expireAt,
      abandonAt: extra.maxDurationSeconds !== undefined ? expireAt : now + SESSION_ABANDON_MS,
    }
    if (extra.agentTaskId) session.agentTaskId = extra.agentTaskId
    this.sessions.set(session.id, session)
    // Single-session mode: a new sign-in on a client ends its previous active session.
    for (const id of client.sessionIds) {
      const previous = this.sessions.get(id)
      if (previous?.status === 'active') this.endSession(previous, 'ended')
    }
    client.sessionIds.push(session.id)
    client.lastActiveSessionId = session.id
    client.updatedAt = now
    const user = this.users.get(userId)
    if (user) {
      user.lastSignInAt = now
      user.lastActiveAt = now
    }
    this.events.emit({ type: 'session.created', session })
    return session
  }

  /** Returns the session after applying time-based expiry. */
  getSession(id: string): SessionRecord | undefined {
    const session = this.sessions.get(id)
    if (session) this.refreshExpiry(session)
    return session
  }

  listSessions(): SessionRecord[] {
    const all = [...this.sessions.values()]
    for (const session of all) this.refreshExpiry(session)
    return all
  }

  private refreshExpiry(session: SessionRecord): void {
    if (session.status === 'active' && Date.now() >= session.expireAt) {
      session.status = 'expired'
      session.updatedAt = session.expireAt
    }
  }

  endSession(session: SessionRecord, status: 'revoked' | 'ended' | 'removed'): void {
    if (session.status !== 'active') return
    const now = Date.now()
    session.status = status
    session.updatedAt = now
    const client = this.clients.get(session.clientId)
    if (client) {
      client.updatedAt = now
      if (client.lastActiveSessionId === session.id) client.lastActiveSessionId = null
    }
    this.events.emit({ type: `session.${status}`, session })
  }

  /** The client's current active session, if any. */
  activeSessionOf(client: ClientRecord): SessionRecord | undefined {
    const id = client.lastActiveSessionId
    const session = id ? this.getSession(id) : undefined
    return session?.status === 'active' ? session : undefined
  }

  // ── agent tasks ──────────────────────────────────────────────────────────
  /** A stable agent id per agent name, per instance. */
  agentIdFor(agentName: string): string {
    return derivedId('agent', `${this.salt}:${agentName}`)
  }

  createAgentTask(input: NewAgentTask): { task: AgentTaskRecord; ticket: string } {
    const ticket = randomSecret(32)
    const now = Date.now()
    const task: AgentTaskRecord = {
      id: randomId('agt'),
      agentId: this.agentIdFor(input.agentName),
      ...input,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      ticketHash: sha256(ticket),
    }
    this.agentTasks.set(task.id, task)
    this.tickets.set(task.ticketHash, task.id)
    return { task, ticket }
  }

  agentTaskByTicket(ticket: string): AgentTaskRecord | undefined {
    const id = this.tickets.get(sha256(ticket))
    return id ? this.agentTasks.get(id) : undefined
  }

  // ── handshake nonces ─────────────────────────────────────────────────────
  storeNonce(directives: string[]): string {
    const nonce = randomSecret(24)
    this.nonces.set(sha256(nonce), { directives, expiresAt: Date.now() + 5 * 60 * 1000 })
    return nonce
  }

  /** Single use: the payload is forgotten once read. */
  takeNonce(nonce: string): string[] | undefined {
    const key = sha256(nonce)
    const entry = this.nonces.get(key)
    this.nonces.delete(key)
    return entry && entry.expiresAt > Date.now() ? entry.directives : undefined
  }
}
