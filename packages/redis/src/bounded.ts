import { AgentTaskError } from '@agent-tasks/core'

/**
 * Runs one Redis call within `timeoutMs`. A Redis that is down or stalled must cost a request a
 * bounded time and a clear 503, never a hang: with its offline queue on, a node-redis client holds
 * commands until it reconnects.
 */
export async function bounded<T>(work: () => Promise<T>, timeoutMs: number, unavailable = 'the link records are unavailable'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AgentTaskError('store_unavailable', `Redis did not answer within ${timeoutMs} ms, so ${unavailable}. Try again.`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([work(), timeout])
  } catch (error) {
    if (error instanceof AgentTaskError) throw error
    throw new AgentTaskError('store_unavailable', `Redis failed, so ${unavailable}. Try again.`, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}
