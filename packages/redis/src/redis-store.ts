import { AgentTaskError, type AgentTaskListFilter, type AgentTaskRecord, type AgentTaskStore, matchesFilter } from '@agent-tasks/core'
import { bounded } from './bounded.js'
import { forget, sweepExpired } from './index-trimming.js'
import { type Involving, involves, splitInvolving } from './involving.js'
import { type Command, storeKeys } from './keys.js'
import { listRecords } from './list-records.js'
import { fieldOf, fromFields, removedFields, statusField, toFields } from './record-fields.js'
import type { RedisCommandClient } from './redis-client.js'
import { EXPIRY_INPUTS, expirySeconds } from './retention.js'
import { READ, SAVE, UPDATE } from './scripts.js'

export interface RedisStoreOptions {
  /** Prefix of every key. Default `"agent-tasks:"`. */
  prefix?: string
  /**
   * How long the record of a link that can no longer sign in (used, revoked, expired) is kept after
   * its last change, in seconds, and never less than until the agent session it opened may have ended.
   * Records of unused links are kept until they settle. Default 30 days.
   */
  retentionSeconds?: number
  /** Longest wait for Redis per call before answering 503 `store_unavailable`. Default 2000 ms. */
  timeoutMs?: number
}

const DAY = 86_400
const PENDING = statusField('pending')
/** Updates of one record that met a concurrent change and read it again, before giving up. */
const MAX_UPDATE_ATTEMPTS = 20

/** The index score of a cursor's time. One that does not parse is the caller's error, not Redis' (a 400, not a 503). */
function cursorScore(createdAt: string): number {
  const score = Date.parse(createdAt)
  if (Number.isNaN(score)) {
    const fields = [{ field: 'after.createdAt', message: 'must be an ISO 8601 time' }]
    throw new AgentTaskError('invalid_request', 'Invalid request: check after.createdAt.', { fields })
  }
  return score
}

/**
 * The ledger of agent-task links in Redis, shared by every instance of the app: saves, pending limits
 * and status changes are atomic (Lua), listing is newest first from sorted indexes (per owner, per
 * subject user, per subject identifier, global).
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect()
 * const agentTasks = createAgentTasks({ store: createRedisStore(redis), limits: { createRateLimiter: redisRateLimiter(redis) } })
 */
export function createRedisStore(client: RedisCommandClient, options: RedisStoreOptions = {}): AgentTaskStore {
  const prefix = options.prefix ?? 'agent-tasks:'
  const retentionSeconds = options.retentionSeconds ?? 30 * DAY
  const keepFor = (record: AgentTaskRecord) => String(expirySeconds(record, retentionSeconds) ?? '')
  const timeoutMs = options.timeoutMs ?? 2000
  const keys = storeKeys(prefix)
  const command: Command = <T>(args: string[]) => bounded(() => client.sendCommand(args) as Promise<T>, timeoutMs)
  const read = (ids: readonly string[]) => command<string[][]>(['EVAL', READ, String(ids.length), ...ids.map(keys.record)])
  const readRecords = async (ids: readonly string[]) => (await read(ids)).map(fromFields)

  /** The indexes whose union holds every record the filter may match: the narrowest there is. */
  function indexesFor(filter: AgentTaskListFilter, involving: Involving | undefined): string[] {
    if (filter.ownerUserId !== undefined) return [keys.owner(filter.ownerUserId)]
    if (filter.subjectUserId !== undefined) return [keys.subject(filter.subjectUserId)]
    if (involving === undefined) return [keys.all]
    return [keys.owner(involving.userId), keys.subject(involving.userId), ...(involving.identifiers ?? []).map(keys.identifier)]
  }

  /** The indexes that list a record, besides the global one. */
  function indexesOf(record: AgentTaskRecord): string[] {
    return [
      keys.owner(record.ownerUserId),
      ...(record.subjectUserId === undefined ? [] : [keys.subject(record.subjectUserId)]),
      ...(record.subjectIdentifier === undefined ? [] : [keys.identifier(record.subjectIdentifier)]),
    ]
  }

  const sessionKeys = (sessions: AgentTaskRecord['sessions']) => [...new Set((sessions ?? []).map((session) => keys.session(session.sessionId)))]

  return {
    async findBySession(sessionId) {
      const agentTaskId = await command<string | null>(['GET', keys.session(sessionId)])
      if (agentTaskId === null) return undefined
      const [found] = await readRecords([agentTaskId])
      // A key left by a record saved again without the session does not place it.
      return found?.sessions?.some((session) => session.sessionId === sessionId) ? found : undefined
    },
    async save(record, saveOptions) {
      const { agentTaskId: id, ownerUserId: owner } = record
      const max = saveOptions?.maxPendingPerOwner
      await sweepExpired(command, keys)
      const indexes = [keys.all, ...indexesOf(record)]
      const sessions = sessionKeys(record.sessions)
      const result = await command<string>([
        'EVAL',
        SAVE,
        String(4 + indexes.length + sessions.length),
        keys.record(id),
        keys.pending(owner),
        keys.refs(id),
        keys.expiring,
        ...indexes,
        ...sessions,
        id,
        String(Date.parse(record.createdAt)),
        max === undefined ? '' : String(max),
        record.status === 'pending' ? '1' : '0',
        keepFor(record),
        String(sessions.length),
        ...toFields(record),
      ])
      return result === 'limit_reached' ? 'limit_reached' : undefined
    },
    async get(agentTaskId) {
      const [fields] = await read([agentTaskId])
      return fromFields(fields ?? [])
    },
    async update(agentTaskId, patch, expected = []) {
      const removed = removedFields(patch)
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        // The owner never changes, so the pending set's key can be read before the atomic update.
        const [fields = []] = await read([agentTaskId])
        const current = fromFields(fields)
        if (!current) return undefined
        // A new subject moves the record from the old subject's index to the new one's.
        const { subjectUserId } = patch
        const moved = subjectUserId !== undefined && subjectUserId !== current.subjectUserId
        const added = moved ? [keys.subject(subjectUserId)] : []
        const dropped = moved && current.subjectUserId !== undefined ? [keys.subject(current.subjectUserId)] : []
        const guarded = moved ? [...EXPIRY_INPUTS, 'subjectUserId'] : EXPIRY_INPUTS
        // `sessions` is guarded: the sessions read here are those the script changes.
        const after = 'sessions' in patch ? patch.sessions : current.sessions
        const kept = sessionKeys(after)
        const gone = sessionKeys(current.sessions).filter((key) => !kept.includes(key))
        const reply = await command<string[] | 'retry' | null>([
          'EVAL',
          UPDATE,
          String(4 + added.length + dropped.length + kept.length + gone.length),
          keys.record(agentTaskId),
          keys.pending(current.ownerUserId),
          keys.expiring,
          keys.refs(agentTaskId),
          ...added,
          ...dropped,
          ...kept,
          ...gone,
          agentTaskId,
          keepFor({ ...current, ...patch }),
          PENDING,
          String(Date.parse(current.createdAt)),
          String(added.length),
          String(kept.length),
          String(gone.length),
          String(expected.length),
          ...expected.map(statusField),
          String(guarded.length),
          ...guarded.flatMap((name) => [name, fieldOf(fields, name) ?? '']),
          String(removed.length),
          ...removed,
          ...toFields(patch),
        ])
        if (reply !== 'retry') return reply === null ? undefined : fromFields(reply.slice(1))
      }
      throw new AgentTaskError('store_unavailable', `The record ${agentTaskId} kept changing while it was updated. Try again.`)
    },
    async countPending(ownerUserId) {
      return command<number>(['SCARD', keys.pending(ownerUserId)])
    },
    async list(filter = {}) {
      const { involving, rest } = splitInvolving(filter)
      const indexes = indexesFor(filter, involving)
      const { records, gone } = await listRecords(command, readRecords, {
        indexes,
        max: filter.after ? cursorScore(filter.after.createdAt) : Number.POSITIVE_INFINITY,
        matches: (record) => matchesFilter(record, rest) && (involving === undefined || involves(record, involving)),
        limit: filter.limit ?? Number.POSITIVE_INFINITY,
      })
      // Records past their retention leave their index entries behind: drop them as they are met.
      if (gone.length > 0) await forget(command, keys, gone, indexes)
      return records
    },
  }
}
