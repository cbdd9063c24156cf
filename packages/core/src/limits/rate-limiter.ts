/** What `rate-limiter-flexible` limiters are given: `points` per `duration` seconds, keys under `keyPrefix`. */
export interface RateLimiterPolicy {
  points: number
  duration: number
  keyPrefix: string
}

/** The verdict of a `rate-limiter-flexible` limiter (`RateLimiterRes`). */
export interface RateLimiterVerdict {
  remainingPoints: number
  msBeforeNext: number
}

/**
 * The part of a `rate-limiter-flexible` limiter (`RateLimiterMemory`, `RateLimiterRedis`, …) used here:
 * `consume` resolves within the limit, and rejects with a verdict past it, or with an `Error` when its
 * store fails.
 */
export interface RateLimiterLike {
  consume(key: string, points?: number): Promise<RateLimiterVerdict>
}

export type CreateRateLimiter = (policy: RateLimiterPolicy) => RateLimiterLike
