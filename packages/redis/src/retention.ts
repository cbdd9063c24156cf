import { type AgentTaskRecord, actsUntil } from '@agent-tasks/core'

/** Past this a record is kept without expiry (Redis refuses expiry times that overflow its clock). */
const LONGEST_EXPIRY_SECONDS = 100 * 365 * 86_400

/**
 * How long to keep a record from now, in whole seconds; `undefined` to keep it with no expiry.
 * Never before anything it points to stops acting ({@link actsUntil}: a pending link, or a used one
 * whose agent session may still be live), and at least `retentionSeconds` after its last change.
 */
export function expirySeconds(record: AgentTaskRecord, retentionSeconds: number, now: number = Date.now()): number | undefined {
  const until = actsUntil(record)
  if (until === Number.POSITIVE_INFINITY) return undefined
  const seconds = Math.max(retentionSeconds, Math.ceil((until - now) / 1000))
  return seconds > LONGEST_EXPIRY_SECONDS ? undefined : seconds
}

/** The properties {@link actsUntil} reads: an update computes the expiry from them, so they must not change under it. */
export const EXPIRY_INPUTS: readonly (keyof AgentTaskRecord)[] = ['status', 'sessions', 'expiresAt', 'sessionMaxDurationInSeconds']
