import { type AgentSessionAuth, type LinkLookup, linkOfSession, type SessionLink, taskIdHint } from './session-link.js'

export interface SessionLinkCacheOptions {
  /** Most sessions remembered; the least recently used is forgotten first. Default 10 000. */
  maxEntries?: number
  /** How long a placed session is remembered. A link's scope never changes, so this only bounds memory. Default 300. */
  ttlSeconds?: number
  /** How long "the ledger cannot place this session" is remembered: the ledger may learn it soon. Default 5. */
  negativeTtlSeconds?: number
  /** Milliseconds since the epoch; for tests. */
  now?: () => number
}

export interface SessionLinker {
  /** As {@link linkOfSession}, answered from memory when the session was placed recently. Throws when the ledger fails. */
  linkOf(auth: AgentSessionAuth, context?: unknown): Promise<SessionLink | undefined>
  /** Forgets a session (e.g. when it ends). */
  forget(sessionId: string): void
  /** Sessions remembered now. */
  readonly size: number
}

interface Entry {
  link: SessionLink | undefined
  expiresAt: number
  sessionId: string
}

/**
 * {@link linkOfSession} behind a bounded, expiring in-memory cache. Concurrent requests of one session
 * share one ledger lookup; a failed lookup is not remembered (the next request asks again).
 */
export function createSessionLinker(lookup: LinkLookup, options: SessionLinkCacheOptions = {}): SessionLinker {
  const maxEntries = options.maxEntries ?? 10_000
  const ttlMs = (options.ttlSeconds ?? 300) * 1000
  const negativeTtlMs = (options.negativeTtlSeconds ?? 5) * 1000
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()
  const inFlight = new Map<string, Promise<SessionLink | undefined>>()

  const remember = (key: string, sessionId: string, link: SessionLink | undefined) => {
    entries.delete(key)
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next()
      if (oldest.done) break
      entries.delete(oldest.value)
    }
    entries.set(key, { link, sessionId, expiresAt: now() + (link === undefined ? negativeTtlMs : ttlMs) })
  }

  return {
    async linkOf(auth, context) {
      // The user and the hint are part of the key: a cached answer is only reused for the same question.
      const sessionId = typeof auth.sessionId === 'string' ? auth.sessionId : ''
      const key = `${auth.userId ?? ''}\u0000${sessionId}\u0000${taskIdHint(auth) ?? ''}`
      const cached = entries.get(key)
      if (cached !== undefined) {
        if (cached.expiresAt > now()) {
          entries.delete(key)
          entries.set(key, cached)
          return cached.link
        }
        entries.delete(key)
      }
      let pending = inFlight.get(key)
      if (pending === undefined) {
        pending = linkOfSession(auth, lookup, context).then(
          (link) => {
            inFlight.delete(key)
            remember(key, sessionId, link)
            return link
          },
          (error: unknown) => {
            inFlight.delete(key)
            throw error
          },
        )
        inFlight.set(key, pending)
      }
      return pending
    },
    forget(sessionId) {
      for (const [key, entry] of entries) if (entry.sessionId === sessionId) entries.delete(key)
    },
    get size() {
      return entries.size
    },
  }
}
