/** A task's lifecycle, as Browser Use's API v2 reports it. */
export type TaskStatus = 'created' | 'started' | 'finished' | 'failed' | 'stopped'

/** One page the agent visited. The fields of Browser Use's `TaskStepView`. */
export interface TaskStep {
  number: number
  memory: string
  evaluationPreviousGoal: string
  nextGoal: string
  url: string
  screenshotUrl: string | null
  actions: string[]
  duration: number | null
}

/** A task as the emulator keeps it. `startUrl` may be a credential: it is never logged or shown. */
export interface EmulatedTask {
  id: string
  sessionId: string
  llm: string
  task: string
  startUrl: string | undefined
  allowedDomains: string[] | undefined
  maxSteps: number
  metadata: Record<string, string>
  status: TaskStatus
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  steps: TaskStep[]
  output: string | null
  isSuccess: boolean | null
  /** Navigations the agent refused because their host was not allowed. */
  blockedUrls: string[]
}

/**
 * Faults to inject. `taskOutcome` rules apply to the next tasks created; `http` rules to matching
 * requests. Each applies `times` times (default: until cleared).
 */
export type BrowserUseFault =
  | { kind: 'task-fails'; times?: number }
  | { kind: 'task-hangs'; times?: number }
  | {
      kind: 'http'
      method?: string
      path: string | RegExp
      status?: number
      dropConnection?: boolean
      /**
       * Answer with a FastAPI/pydantic error that echoes the request body as its `input`, as Browser
       * Use's 422s do: the start URL (a sign-in link) comes back in the error.
       */
      echoInput?: boolean
      times?: number
    }
