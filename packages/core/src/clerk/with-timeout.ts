import { AgentTaskError } from '../errors.js'

/** Rejects with `upstream_timeout` when Clerk has not answered within `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AgentTaskError('upstream_timeout', `Clerk did not answer within ${ms} ms.`)),
      ms,
    )
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
