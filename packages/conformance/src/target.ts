import type { AgentTasksOptions } from '@agent-tasks/core'
import type { Emulator } from '@agent-tasks/emulator'

/** Options the suite sets per app instance; the adapter passes them to its handler as they are. */
export type ConformanceOptions = Omit<AgentTasksOptions<never>, 'basePath' | 'clerkClient' | 'secretKey' | 'apiUrl'>

export interface RunningApp {
  /** Origin of the app, e.g. `http://127.0.0.1:51234`. */
  origin: string
  /** Where the contract is mounted: `/api/agent-tasks`. */
  basePath: string
  close(): Promise<void>
}

/**
 * What an adapter provides to run the suite: a way to start a real server of its framework, with
 * the framework's Clerk SDK middleware configured for `emulator`, on 127.0.0.1 and a free port.
 */
export interface ConformanceTarget {
  name: string
  start(emulator: Emulator, options: ConformanceOptions): Promise<RunningApp>
}
