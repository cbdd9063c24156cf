// rate-limiter-flexible ships types for its main entry only; its main entry also loads the cluster
// limiter (Node's `cluster`), which edge bundles cannot resolve, so the memory limiter is imported alone.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  const RateLimiterMemory: new (policy: {
    points: number
    duration: number
    keyPrefix: string
  }) => { consume(key: string, points?: number): Promise<{ remainingPoints: number; msBeforeNext: number }> }
  export default RateLimiterMemory
}
