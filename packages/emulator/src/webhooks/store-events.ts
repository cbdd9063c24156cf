import type { SessionRecord, UserRecord } from '../state/records.js'

/** A change to the store that Clerk reports as a webhook event. Records are live: read them before the next change. */
export type StoreEvent =
  | { type: 'session.created' | 'session.ended' | 'session.revoked' | 'session.removed'; session: SessionRecord }
  | { type: 'user.created' | 'user.updated' | 'user.deleted'; user: UserRecord }

export type StoreEventListener = (event: StoreEvent) => void

/**
 * The store's one place to announce changes: `Store` emits, the webhook sender listens. Listeners run
 * synchronously; one that throws is reported and never breaks the request that caused the change.
 */
export class StoreEvents {
  private readonly listeners = new Set<StoreEventListener>()

  /** Returns a function that removes the listener. */
  on(listener: StoreEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        console.error(`agent-tasks-emulator: a ${event.type} listener failed:`, error instanceof Error ? error.message : error)
      }
    }
  }
}
