/**
 * Where the webhook handler records the events it takes on, so that a replay, or the same event
 * delivered several times at once, is handled once. Share one store (e.g. Redis) between every
 * instance of the app that receives webhooks; the default is in the memory of one process.
 */
export interface WebhookClaims {
  /**
   * Records `key` for `ttlSeconds` unless it is recorded already; `true` when this call recorded it.
   * Must be atomic: of concurrent claims of one key, exactly one wins (Redis: `SET key 1 NX EX ttl`).
   */
  claim(key: string, ttlSeconds: number): boolean | Promise<boolean>
  /** Forgets `key`: handling its event failed, and Browser Use's redelivery must be handled. */
  release(key: string): void | Promise<void>
}

export interface MemoryWebhookClaimsOptions {
  /** Most keys kept; past it the oldest is forgotten first. Default 10,000. */
  maxEntries?: number
}

/**
 * Claims in this process's memory, bounded by age (each key lives `ttlSeconds`) and by count
 * (`maxEntries`, oldest forgotten first). Enough for one process; several processes need a shared store.
 */
export function createMemoryWebhookClaims(options: MemoryWebhookClaimsOptions = {}): WebhookClaims {
  const maxEntries = options.maxEntries ?? 10_000
  const expiries = new Map<string, number>()
  const forgetExpired = (now: number) => {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > now) break
      expiries.delete(key)
    }
  }
  return {
    claim(key, ttlSeconds) {
      const now = Date.now()
      forgetExpired(now)
      const expiresAt = expiries.get(key)
      if (expiresAt !== undefined && expiresAt > now) return false
      expiries.delete(key)
      while (expiries.size >= maxEntries) {
        const oldest = expiries.keys().next()
        if (oldest.done) break
        expiries.delete(oldest.value)
      }
      expiries.set(key, now + ttlSeconds * 1000)
      return true
    },
    release(key) {
      expiries.delete(key)
    },
  }
}
