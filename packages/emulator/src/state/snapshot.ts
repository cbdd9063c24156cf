import type { AgentTaskStatus, InstanceType, SessionStatus } from '../types.js'
import { isPasswordHash } from './passwords.js'
import type { AgentTaskRecord, ClientRecord, EmailRecord, SessionRecord, UserRecord } from './records.js'
import {
  type Check,
  isPlainObject,
  json,
  listOf,
  nullable,
  oneOf,
  optional,
  pattern,
  positiveInt,
  record,
  SnapshotError,
  str,
  time,
} from './snapshot-checks.js'
import type { Store } from './store.js'

export { SnapshotError }

/** `format` of every snapshot, so that a wrong file is recognised as such. */
export const SNAPSHOT_FORMAT = 'agent-tasks-emulator/state'
export const SNAPSHOT_VERSION = 1

/**
 * The emulator's state as JSON (`emulator.state.export()`, `GET /_emulator/state`): users (password
 * hashes included), clients, sessions and agent tasks (SHA-256 hashes of their tickets, never tickets).
 * Times are Unix milliseconds.
 */
export interface EmulatorSnapshot {
  format: typeof SNAPSHOT_FORMAT
  version: typeof SNAPSHOT_VERSION
  /** ISO time of the export (informational). */
  exportedAt: string
  /** The instance it came from (informational: a snapshot imports into either). */
  instance: InstanceType
  /** Derives `agent_id` from `agent_name`, so an agent keeps its id after an import. */
  agentIdSalt: string
  users: UserRecord[]
  clients: ClientRecord[]
  sessions: SessionRecord[]
  agentTasks: AgentTaskRecord[]
}

const SESSION_STATUSES: readonly SessionStatus[] = ['active', 'revoked', 'ended', 'expired', 'removed', 'abandoned']
const TASK_STATUSES: readonly AgentTaskStatus[] = ['pending', 'used', 'revoked']
const ID = (prefix: string) => pattern(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,64}$`), `an id like ${prefix}_…`)
const SHA256_HEX = pattern(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest (64 lowercase hex characters)')
const passwordHash: Check<string> = (v, path) => {
  if (typeof v !== 'string' || !isPasswordHash(v)) throw new SnapshotError(path, 'must be a scrypt$… hash written by this emulator (or null).')
  return v
}
const lowercase =
  (check: Check<string>): Check<string> =>
  (v, path) => {
    const s = check(v, path)
    if (s !== s.toLowerCase()) throw new SnapshotError(path, 'must be lowercase (as the emulator stores it).')
    return s
  }

const emailRecord = record<EmailRecord>({ id: ID('idn'), email: lowercase(str), createdAt: time })
const userRecord = record<UserRecord>({
  id: ID('user'),
  emails: listOf(emailRecord),
  primaryEmailAddressId: nullable(str),
  firstName: nullable(str),
  lastName: nullable(str),
  username: nullable(lowercase(str)),
  externalId: nullable(str),
  publicMetadata: json,
  privateMetadata: json,
  unsafeMetadata: json,
  passwordHash: nullable(passwordHash),
  createdAt: time,
  updatedAt: time,
  lastSignInAt: nullable(time),
  lastActiveAt: nullable(time),
})
const clientRecord = record<ClientRecord>({
  id: ID('client'),
  sessionIds: listOf(ID('sess')),
  lastActiveSessionId: nullable(ID('sess')),
  createdAt: time,
  updatedAt: time,
})
const sessionRecord = record<SessionRecord>({
  id: ID('sess'),
  userId: ID('user'),
  clientId: ID('client'),
  status: oneOf(SESSION_STATUSES),
  actor: nullable(json),
  agentTaskId: optional(ID('agt')),
  createdAt: time,
  updatedAt: time,
  lastActiveAt: time,
  expireAt: time,
  abandonAt: time,
})
const agentTaskRecord = record<AgentTaskRecord>({
  id: ID('agt'),
  agentId: ID('agent'),
  agentName: str,
  userId: ID('user'),
  status: oneOf(TASK_STATUSES),
  redirectUrl: str,
  taskDescription: str,
  permissions: str,
  sessionMaxDurationInSeconds: positiveInt,
  createdAt: time,
  updatedAt: time,
  ticketHash: SHA256_HEX,
  sessionId: optional(ID('sess')),
})

/** Fails on the second entry with the same key, naming both. */
function unique<T>(items: T[], list: string, key: (item: T) => string | null | undefined, field: string): void {
  const seen = new Map<string, number>()
  items.forEach((item, i) => {
    const k = key(item)
    if (k === null || k === undefined) return
    const earlier = seen.get(k)
    if (earlier !== undefined) throw new SnapshotError(`${list}[${i}].${field}`, `"${k}" is already used by ${list}[${earlier}].`)
    seen.set(k, i)
  })
}

/** Checks an imported snapshot completely (shape, version, duplicates, references) before anything changes. */
export function parseSnapshot(value: unknown): EmulatorSnapshot {
  if (!isPlainObject(value)) throw new SnapshotError('', 'must be a JSON object (what emulator.state.export() or GET /_emulator/state returns).')
  if (value.format !== SNAPSHOT_FORMAT) throw new SnapshotError('format', `must be "${SNAPSHOT_FORMAT}": this is not an emulator state snapshot.`)
  if (value.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError('version', `must be ${SNAPSHOT_VERSION}; this emulator cannot read version ${JSON.stringify(value.version)}.`)
  }
  const snapshot = record<EmulatorSnapshot>({
    format: () => SNAPSHOT_FORMAT,
    version: () => SNAPSHOT_VERSION,
    exportedAt: str,
    instance: oneOf<InstanceType>(['development', 'production']),
    agentIdSalt: str,
    users: listOf(userRecord),
    clients: listOf(clientRecord),
    sessions: listOf(sessionRecord),
    agentTasks: listOf(agentTaskRecord),
  })(value, '')
  const { users, clients, sessions, agentTasks } = snapshot

  unique(users, 'users', (u) => u.id, 'id')
  unique(users, 'users', (u) => u.username, 'username')
  unique(
    users.flatMap((u) => u.emails),
    'emails',
    (e) => e.email,
    'email',
  )
  users.forEach((user, i) => {
    if (user.primaryEmailAddressId !== null && !user.emails.some((e) => e.id === user.primaryEmailAddressId)) {
      throw new SnapshotError(`users[${i}].primaryEmailAddressId`, 'is not the id of one of its emails.')
    }
  })
  unique(clients, 'clients', (c) => c.id, 'id')
  unique(sessions, 'sessions', (s) => s.id, 'id')
  unique(agentTasks, 'agentTasks', (t) => t.id, 'id')
  unique(agentTasks, 'agentTasks', (t) => t.ticketHash, 'ticketHash')
  const clientIds = new Set(clients.map((c) => c.id))
  const sessionIds = new Set(sessions.map((s) => s.id))
  sessions.forEach((s, i) => {
    if (!clientIds.has(s.clientId)) throw new SnapshotError(`sessions[${i}].clientId`, `"${s.clientId}" is not in clients.`)
  })
  clients.forEach((c, i) => {
    c.sessionIds.forEach((id, j) => {
      if (!sessionIds.has(id)) throw new SnapshotError(`clients[${i}].sessionIds[${j}]`, `"${id}" is not in sessions.`)
    })
  })
  return snapshot
}

/** A deep copy of the store's state. */
export function exportSnapshot(store: Store, instance: InstanceType): EmulatorSnapshot {
  return structuredClone({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: new Date().toISOString(),
    instance,
    agentIdSalt: store.agentIdSalt,
    users: [...store.users.values()],
    clients: [...store.clients.values()],
    sessions: store.listSessions(),
    agentTasks: [...store.agentTasks.values()],
  } satisfies EmulatorSnapshot)
}

/**
 * Replaces the store's state with a snapshot (checked first: a bad one changes nothing). Browser
 * cookies (`__client`, dev browsers) and handshake nonces are not part of it: browsers sign in again.
 */
export function importSnapshot(store: Store, value: unknown): { users: number; clients: number; sessions: number; agentTasks: number } {
  let snapshot: EmulatorSnapshot
  try {
    // A copy: the caller's object (metadata included) never aliases the store's records.
    snapshot = structuredClone(parseSnapshot(value))
  } catch (error) {
    if (error instanceof SnapshotError) throw error
    throw new SnapshotError('', 'must be plain JSON data (no functions or class instances).')
  }
  store.restore(snapshot)
  return { users: snapshot.users.length, clients: snapshot.clients.length, sessions: snapshot.sessions.length, agentTasks: snapshot.agentTasks.length }
}
