import type { CreateRateLimiter, RateLimiterLike, RateLimiterPolicy, RateLimiterVerdict } from '@agent-tasks/core'

const KEY = Symbol.for('@agent-tasks/nextjs:rate-limiters')

/**
 * The default mint-rate limiter, one per process (per isolate on the edge runtime) and policy, for the
 * same reason as the default store (`process-store.ts`): Next.js evaluates `lib/agent-tasks.ts` once per
 * bundle layer, so a limiter per `createAgentTasks()` call would give a Server Action and a route handler
 * a full budget each.
 */
export const processRateLimiter: CreateRateLimiter = (policy) => {
  const global = globalThis as { [KEY]?: Map<string, RateLimiterLike> }
  global[KEY] ??= new Map()
  const key = `${policy.keyPrefix}:${policy.points}/${policy.duration}`
  let limiter = global[KEY].get(key)
  if (limiter === undefined) {
    limiter = fixedWindowLimiter(policy)
    global[KEY].set(key, limiter)
  }
  return limiter
}

/**
 * What core's default (`rate-limiter-flexible`'s `RateLimiterMemory`) does, without a dependency on it:
 * `points` per key in a window of `duration` seconds that starts with the key's first use; past them,
 * `consume` rejects with the verdict. Expired windows are dropped once per window length.
 */
function fixedWindowLimiter(policy: RateLimiterPolicy): RateLimiterLike {
  const windowMs = policy.duration * 1000
  const windows = new Map<string, { consumed: number; endsAt: number }>()
  let sweepAt = Date.now() + windowMs
  return {
    async consume(key: string, points = 1): Promise<RateLimiterVerdict> {
      const now = Date.now()
      if (now >= sweepAt) {
        for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k)
        sweepAt = now + windowMs
      }
      let window = windows.get(key)
      if (window === undefined || window.endsAt <= now) {
        window = { consumed: 0, endsAt: now + windowMs }
        windows.set(key, window)
      }
      window.consumed += points
      const verdict = { remainingPoints: Math.max(policy.points - window.consumed, 0), msBeforeNext: window.endsAt - now }
      if (window.consumed > policy.points) throw verdict
      return verdict
    },
  }
}
