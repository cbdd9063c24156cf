import { type AgentTaskRecord, compareNewestFirst } from '@agent-tasks/core'
import type { Command } from './keys.js'

/** Reads records by ID: each one, or `undefined` where it is gone. */
export type ReadRecords = (ids: readonly string[]) => Promise<Array<AgentTaskRecord | undefined>>

/** `ZRANGE … WITHSCORES`: `[member, score, …]` over RESP2, `[[member, score], …]` over RESP3. */
function entriesOf(reply: unknown[]): Array<{ id: string; score: number }> {
  if (reply.length > 0 && Array.isArray(reply[0])) return (reply as [string, unknown][]).map(([id, score]) => ({ id, score: Number(score) }))
  const entries: Array<{ id: string; score: number }> = []
  for (let i = 0; i + 1 < reply.length; i += 2) entries.push({ id: reply[i] as string, score: Number(reply[i + 1]) })
  return entries
}

/**
 * One index read newest first in batches, by score (creation ms) rather than by offset: entries added
 * or trimmed meanwhile by other instances never shift the next batch.
 */
class IndexReader {
  private readonly records: AgentTaskRecord[] = []
  private max: number
  /** Entries at score `max` already read. */
  private skip = 0
  private done = false

  constructor(
    private readonly command: Command,
    private readonly read: ReadRecords,
    private readonly index: string,
    max: number,
    private readonly batch: number,
    private readonly gone: Set<string>,
  ) {
    this.max = max
  }

  /** The newest record not yet taken, reading the next batch when needed. */
  async head(): Promise<AgentTaskRecord | undefined> {
    while (this.records.length === 0 && !this.done) await this.next()
    return this.records[0]
  }

  take(): void {
    this.records.shift()
  }

  private async next(): Promise<void> {
    const max = this.max === Number.POSITIVE_INFINITY ? '+inf' : String(this.max)
    const reply = await this.command<unknown[]>(['ZRANGE', this.index, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', String(this.skip), String(this.batch), 'WITHSCORES'])
    const entries = entriesOf(reply)
    if (entries.length < this.batch) this.done = true
    const last = entries.at(-1)
    if (last === undefined) return
    const atLast = entries.filter((entry) => entry.score === last.score).length
    this.skip = last.score === this.max ? this.skip + atLast : atLast
    this.max = last.score
    const records = await this.read(entries.map((entry) => entry.id))
    records.forEach((record, i) => {
      if (record) this.records.push(record)
      else this.gone.add((entries[i] as { id: string }).id)
    })
  }
}

export interface ListPlan {
  /** Indexes whose union holds every record that may match. */
  indexes: readonly string[]
  /** Only records created at or before this time (ms); `Infinity` for all. */
  max: number
  matches: (record: AgentTaskRecord) => boolean
  limit: number
}

/**
 * Newest first, at most `limit`, from the union of the indexes (merged, without duplicates). Returns
 * the IDs met whose record is gone, so their index entries can be dropped.
 */
export async function listRecords(command: Command, read: ReadRecords, plan: ListPlan): Promise<{ records: AgentTaskRecord[]; gone: string[] }> {
  const { limit } = plan
  const batch = Math.min(Math.max(Number.isFinite(limit) ? limit * 2 : 200, 20), 500)
  const gone = new Set<string>()
  const readers = [...new Set(plan.indexes)].map((index) => new IndexReader(command, read, index, plan.max, batch, gone))
  const seen = new Set<string>()
  const found: AgentTaskRecord[] = []
  let oldestFound = Number.POSITIVE_INFINITY
  for (;;) {
    const heads = await Promise.all(readers.map((reader) => reader.head()))
    let newest = -1
    heads.forEach((head, i) => {
      const best = heads[newest]
      if (head && (best === undefined || compareNewestFirst(head, best) < 0)) newest = i
    })
    const head = heads[newest]
    if (head === undefined) break
    // Past `limit`, records created in the same millisecond as the oldest found still compete for the
    // page (the index orders ties by bytes, the listing by `compareNewestFirst`).
    if (found.length >= limit && Date.parse(head.createdAt) < oldestFound) break
    readers[newest]?.take()
    if (seen.has(head.agentTaskId)) continue
    seen.add(head.agentTaskId)
    if (!plan.matches(head)) continue
    found.push(head)
    oldestFound = Math.min(oldestFound, Date.parse(head.createdAt))
  }
  return { records: found.sort(compareNewestFirst).slice(0, limit), gone: [...gone] }
}
