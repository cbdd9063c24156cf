import type { RateLimiterLike, RateLimiterPolicy } from './rate-limiter.js'

/**
 * The default limiter: `rate-limiter-flexible`'s `RateLimiterMemory`, imported on the first mint it
 * counts (a dynamic import, so bundles that never count a mint — limits off, or a limiter of the
 * app's own — do not load it). Only its memory module is imported: the package's main entry loads
 * Node's `cluster`, which edge bundles cannot resolve.
 */
export function inMemoryRateLimiter(policy: RateLimiterPolicy): RateLimiterLike {
  let limiter: Promise<RateLimiterLike> | undefined
  const load = () => {
    limiter ??= import('rate-limiter-flexible/lib/RateLimiterMemory.js').then(
      ({ default: RateLimiterMemory }) => new RateLimiterMemory(policy),
      (error: unknown) => {
        limiter = undefined
        throw error
      },
    )
    return limiter
  }
  return {
    async consume(key, points) {
      return (await load()).consume(key, points)
    },
  }
}
