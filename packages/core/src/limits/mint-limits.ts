import { AgentTaskError } from '../errors.js'
import { inMemoryRateLimiter } from './in-memory-rate-limiter.js'
import type { CreateRateLimiter, RateLimiterLike, RateLimiterVerdict } from './rate-limiter.js'

export interface MintLimitsOptions {
  /** Links one user may mint per window. Default `{ mints: 30, windowSeconds: 60 }`; `false` for none. */
  rate?: { mints: number; windowSeconds: number } | false
  /** Unused links one user may hold at once. Default 50; `false` for no limit. */
  maxPending?: number | false
  /**
   * Builds the limiter that counts the rate: a `rate-limiter-flexible` limiter. Default: in memory,
   * per process. Use `@agent-tasks/redis`'s `redisRateLimiter(client)` when the app runs on many instances.
   */
  createRateLimiter?: CreateRateLimiter
}

export interface ResolvedMintLimits {
  /** `undefined` when minting is not rate limited. */
  rate: { limiter: RateLimiterLike; mints: number; windowSeconds: number; policyHeader: string } | undefined
  maxPending: number | undefined
}

/** The `RateLimit-Policy` / `RateLimit` headers (IETF draft-ietf-httpapi-ratelimit-headers). */
function rateLimitHeaders(limits: NonNullable<ResolvedMintLimits['rate']>, verdict: RateLimiterVerdict) {
  return {
    'RateLimit-Policy': limits.policyHeader,
    RateLimit: `"mint";r=${Math.max(0, verdict.remainingPoints)};t=${Math.ceil(verdict.msBeforeNext / 1000)}`,
  }
}

function isVerdict(value: unknown): value is RateLimiterVerdict {
  return typeof value === 'object' && value !== null && 'msBeforeNext' in value && !(value instanceof Error)
}

function whole(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`@agent-tasks/core: limits.${name} must be a positive whole number`)
  return value
}

export function resolveMintLimits(options: MintLimitsOptions | false | undefined): ResolvedMintLimits {
  if (options === false) return { rate: undefined, maxPending: undefined }
  const rate = options?.rate === undefined ? { mints: 30, windowSeconds: 60 } : options.rate
  const maxPending = options?.maxPending === undefined ? 50 : options.maxPending
  const create: CreateRateLimiter = options?.createRateLimiter ?? inMemoryRateLimiter
  return {
    rate:
      rate === false
        ? undefined
        : {
            limiter: create({ points: whole('rate.mints', rate.mints), duration: whole('rate.windowSeconds', rate.windowSeconds), keyPrefix: 'agent-tasks:mint' }),
            mints: rate.mints,
            windowSeconds: rate.windowSeconds,
            policyHeader: `"mint";q=${rate.mints};w=${rate.windowSeconds}`,
          },
    maxPending: maxPending === false ? undefined : whole('maxPending', maxPending),
  }
}

/**
 * Counts one mint for `userId` before Clerk is called. Returns the `RateLimit` headers for the
 * response; throws `rate_limited` (429, `Retry-After`) past the limit, `store_unavailable` (503) when
 * the limiter's store fails: minting without counting would let the limit be bypassed.
 */
export async function countMint(limits: ResolvedMintLimits, userId: string): Promise<Record<string, string> | undefined> {
  const rate = limits.rate
  if (rate === undefined) return undefined
  try {
    return rateLimitHeaders(rate, await rate.limiter.consume(userId))
  } catch (rejection) {
    if (!isVerdict(rejection)) {
      throw new AgentTaskError('store_unavailable', 'The mint rate limit could not be checked, so no link was minted. Try again.', { cause: rejection })
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw new AgentTaskError(
      'rate_limited',
      `You may mint ${rate.mints} links per ${rate.windowSeconds} s. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, headers: rateLimitHeaders(rate, rejection) },
    )
  }
}
