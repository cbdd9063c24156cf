import { identifierKey } from './involving.js'

/** Every key the store uses, under `prefix`. */
export function storeKeys(prefix: string) {
  return {
    /** Hash: the record. */
    record: (id: string) => `${prefix}task:${id}`,
    /** Set: the owner's pending record IDs. */
    pending: (owner: string) => `${prefix}pending:${owner}`,
    /** Sorted set (score: created ms): the owner's record IDs. */
    owner: (owner: string) => `${prefix}owner:${owner}`,
    /** Sorted set (score: created ms): IDs of the records that sign this user in (`subjectUserId`). */
    subject: (userId: string) => `${prefix}subject:${userId}`,
    /** Sorted set (score: created ms): IDs of the records minted for this identifier (`subjectIdentifier`, lower-cased). */
    identifier: (identifier: string) => `${prefix}identifier:${identifierKey(identifier)}`,
    /** Sorted set (score: created ms): every record ID. */
    all: `${prefix}index`,
    /** Set: the indexes that list the record, to drop its entries once it has expired. */
    refs: (id: string) => `${prefix}refs:${id}`,
    /** String: the ID of the record that lists this Clerk session; expires with that record. */
    session: (sessionId: string) => `${prefix}session:${sessionId}`,
    /** Sorted set (score: when it expires, ms): IDs of records that will expire. */
    expiring: `${prefix}expiring`,
  }
}

export type StoreKeys = ReturnType<typeof storeKeys>

/** Runs one raw Redis command, bounded in time. */
export type Command = <T>(args: string[]) => Promise<T>
