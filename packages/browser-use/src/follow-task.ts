import { BrowserAgentError, fromBrowserUse, isRetryable, type Redact } from './errors.js'

/** The fields of Browser Use's `TaskView` this package reads. */
export interface TaskSnapshot {
  id: string
  sessionId: string
  status: string
  output?: string | null
  isSuccess?: boolean | null
  cost?: string | null
  steps: Array<{ number: number; nextGoal: string; url: string }>
}

export const TERMINAL = new Set(['finished', 'failed', 'stopped'])

export interface FollowOptions {
  get(id: string): Promise<TaskSnapshot>
  intervalMs: number
  deadline: number
  signal: AbortSignal | undefined
  onSnapshot(task: TaskSnapshot): void
  redact: Redact
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError())
    const timer = setTimeout(done, ms)
    function done() {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }
    function onAbort() {
      clearTimeout(timer)
      reject(abortError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export const abortError = () => new BrowserAgentError('aborted', 'The run was aborted by its caller; the agent was stopped and its access ended.')

/**
 * Polls the task until it is finished, failed or stopped (the SDK's own `wait` never treats `failed`
 * as the end), with backoff up to 5 s and a bounded total time. A read that fails for a reason worth
 * retrying (429, 5xx, a lost connection) is tried again within the same deadline.
 */
export async function followTask(id: string, options: FollowOptions): Promise<TaskSnapshot> {
  let interval = options.intervalMs
  for (;;) {
    if (options.signal?.aborted) throw abortError()
    if (Date.now() >= options.deadline) {
      throw new BrowserAgentError('timeout', 'The agent did not finish in time (timeoutMs); it was stopped and its access ended.')
    }
    let task: TaskSnapshot | undefined
    try {
      task = await options.get(id)
    } catch (error) {
      if (!isRetryable(error)) throw fromBrowserUse(error, 'following the task', options.redact)
    }
    if (task) {
      options.onSnapshot(task)
      if (TERMINAL.has(task.status)) return task
    }
    await sleep(Math.min(interval, Math.max(0, options.deadline - Date.now())), options.signal)
    interval = Math.min(interval * 1.5, 5000)
  }
}
