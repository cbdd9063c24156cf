import type { AgentTasksOptions } from '@agent-tasks/core'
import type { Emulator } from '@agent-tasks/emulator'

/** Options the suite sets per app instance; the adapter passes them to its handler as they are. */
export type ConformanceOptions = Omit<AgentTasksOptions<unknown>, 'basePath' | 'clerkClient' | 'secretKey' | 'apiUrl'>

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
  /**
   * Set when the app parses JSON before the adapter runs (e.g. `express.json()`): malformed JSON is
   * then refused by that parser with its own 400, outside the adapter's reach.
   */
  upstreamBodyParser?: boolean
  start(emulator: Emulator, options: ConformanceOptions): Promise<RunningApp>
}
