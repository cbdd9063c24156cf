import type { Command, StoreKeys } from './keys.js'
import { DUE, FORGET } from './scripts.js'

/** Expired records whose index entries one save trims: more than one, so trimming keeps up with minting. */
const SWEEP_BATCH = 20

/**
 * Drops every index entry of records that are gone (Redis expired them): those the record's index
 * list names, and those in `listed` (where a listing met it). A record still there is left alone.
 */
export async function forget(command: Command, keys: StoreKeys, ids: readonly string[], listed: readonly string[] = []): Promise<void> {
  await Promise.all(
    ids.map(async (id) => {
      // A set reply is an array (RESP2) or a Set (RESP3).
      const refs = Array.from(await command<Iterable<string>>(['SMEMBERS', keys.refs(id)]))
      const indexes = [...new Set([keys.all, ...listed, ...refs])]
      await command(['EVAL', FORGET, String(3 + indexes.length), keys.record(id), keys.refs(id), keys.expiring, ...indexes, id])
    }),
  )
}

/** Trims the index entries of a few records whose expiry has passed, oldest first. */
export async function sweepExpired(command: Command, keys: StoreKeys): Promise<void> {
  const due = await command<string[]>(['EVAL', DUE, '1', keys.expiring, String(SWEEP_BATCH)])
  if (due.length > 0) await forget(command, keys, due)
}
