import type { RateLimitOptions } from '../types.js'

/** Sliding-window limiter for authenticated BAPI calls. */
export class RateLimiter {
  private hits: number[] = []

  constructor(private readonly options: RateLimitOptions | false) {}

  /** Records a hit; returns `Retry-After` seconds if over the limit, else `undefined`. */
  check(now = Date.now()): number | undefined {
    if (!this.options) return undefined
    const { requests, windowMs } = this.options
    this.hits = this.hits.filter((t) => t > now - windowMs)
    if (this.hits.length >= requests) {
      const oldest = this.hits[0] ?? now
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
    }
    this.hits.push(now)
    return undefined
  }

  reset(): void {
    this.hits = []
  }
}
