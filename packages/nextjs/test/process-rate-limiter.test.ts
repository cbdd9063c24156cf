import { afterEach, describe, expect, it, vi } from 'vitest'
import { processRateLimiter } from '../src/process-rate-limiter.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('processRateLimiter', () => {
  it('gives every instance with the same policy the same limiter, another policy its own', () => {
    const policy = { points: 2, duration: 60, keyPrefix: 'unit:share' }
    expect(processRateLimiter({ ...policy })).toBe(processRateLimiter({ ...policy }))
    expect(processRateLimiter({ ...policy, points: 3 })).not.toBe(processRateLimiter(policy))
  })

  it('counts points per key in a window that starts with the first use, and rejects past them with the verdict', async () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const limiter = processRateLimiter({ points: 2, duration: 10, keyPrefix: 'unit:window' })
    await expect(limiter.consume('user_a')).resolves.toEqual({ remainingPoints: 1, msBeforeNext: 10_000 })
    vi.advanceTimersByTime(4_000)
    await expect(limiter.consume('user_a')).resolves.toEqual({ remainingPoints: 0, msBeforeNext: 6_000 })
    await expect(limiter.consume('user_a')).rejects.toEqual({ remainingPoints: 0, msBeforeNext: 6_000 })
    await expect(limiter.consume('user_b')).resolves.toMatchObject({ remainingPoints: 1 })
    vi.advanceTimersByTime(6_000)
    await expect(limiter.consume('user_a')).resolves.toEqual({ remainingPoints: 1, msBeforeNext: 10_000 })
  })
})
