export type { RedisCommandClient } from './redis-client.js'
export { type RedisRateLimiterOptions, redisRateLimiter } from './redis-rate-limiter.js'
export { createRedisStore, type RedisStoreOptions } from './redis-store.js'
export { createRedisApprovalStore, type RedisApprovalStoreOptions } from './redis-approval-store.js'
