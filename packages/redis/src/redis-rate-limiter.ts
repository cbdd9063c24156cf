import type { CreateRateLimiter } from '@agent-tasks/core'
import { RateLimiterRedis } from 'rate-limiter-flexible'

export interface RedisRateLimiterOptions {
  /** Prefix of the limiter's keys. Default `"agent-tasks:"`, followed by the limit's own name. */
  prefix?: string
}

/**
 * Counts core's mint limits in Redis with `rate-limiter-flexible`'s `RateLimiterRedis` (an atomic
 * increment with expiry per user and window), so the limit holds exactly across every instance.
 * Pass it as `limits.createRateLimiter`.
 *
 * @param client a connected node-redis client (`createClient()` from the `redis` package).
 */
export function redisRateLimiter(client: object, options: RedisRateLimiterOptions = {}): CreateRateLimiter {
  const prefix = options.prefix ?? 'agent-tasks:'
  return (policy) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      points: policy.points,
      duration: policy.duration,
      keyPrefix: `${prefix}${policy.keyPrefix.replace(/^agent-tasks:/, '')}`,
    })
}
