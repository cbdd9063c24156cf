import type { CreateRateLimiter, RateLimiterLike, RateLimiterVerdict } from '@agent-tasks/core'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { bounded } from './bounded.js'

export interface RedisRateLimiterOptions {
  /** Prefix of the limiter's keys. Default `"agent-tasks:"`, followed by the limit's own name. */
  prefix?: string
  /** Longest wait for Redis per count before the mint is refused with 503 `store_unavailable`. Default 2000 ms. */
  timeoutMs?: number
}

/**
 * Counts core's mint limits in Redis with `rate-limiter-flexible`'s `RateLimiterRedis` (an atomic
 * increment with expiry per user and window), so the limit holds exactly across every instance.
 * Pass it as `limits.createRateLimiter`. Every count is bounded like the store's calls: a Redis that is
 * down or stalled rejects with an `Error` (core answers 503 and mints nothing) instead of a hang.
 *
 * @param client a connected node-redis client (`createClient()` from the `redis` package).
 */
export function redisRateLimiter(client: object, options: RedisRateLimiterOptions = {}): CreateRateLimiter {
  const prefix = options.prefix ?? 'agent-tasks:'
  const timeoutMs = options.timeoutMs ?? 2000
  return (policy): RateLimiterLike => {
    const limiter = new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      points: policy.points,
      duration: policy.duration,
      keyPrefix: `${prefix}${policy.keyPrefix.replace(/^agent-tasks:/, '')}`,
    })
    return {
      async consume(key, points) {
        // Past the limit the limiter rejects with its verdict: an answer (core's 429), not a failure, so
        // it is carried through `bounded` untouched; only errors and timeouts become store_unavailable.
        const outcome = await bounded(
          () =>
            limiter.consume(key, points).then(
              (verdict): { verdict: RateLimiterVerdict; refused: boolean } => ({ verdict, refused: false }),
              (rejection: unknown) => {
                if (rejection instanceof RateLimiterRes) return { verdict: rejection, refused: true }
                throw rejection
              },
            ),
          timeoutMs,
          'the mint rate limit cannot be checked',
        )
        if (outcome.refused) throw outcome.verdict
        return outcome.verdict
      },
    }
  }
}
