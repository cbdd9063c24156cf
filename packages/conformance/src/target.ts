import type { Emulator } from '@agent-tasks/emulator'
import type { ConformanceOptions, ConformanceProfile } from './profiles.js'

export interface RunningApp {
  /** Origin of the app, e.g. `http://127.0.0.1:51234`. */
  origin: string
  /** Where the contract is mounted, e.g. `/api/agent-tasks`. */
  basePath: string
  /** For an app in its own process: everything it printed so far (checked for leaked links). */
  output?(): string
  close(): Promise<void>
}

/** What the suite tells `start` besides the options: enough for an app in another process. */
export interface ConformanceSetup {
  profile: ConformanceProfile
  /** URL the `main` profile's audit hooks POST their events to (out-of-process apps). */
  eventsUrl: string
  /** The user the `admin` profile's `authorize` lets act for anyone. */
  adminUserId: string
}

/**
 * What an adapter provides to run the suite: a way to start a real server of its framework, with
 * the framework's Clerk SDK middleware configured for `emulator`, on 127.0.0.1 and a free port.
 * `start` is called once per profile. An in-process app passes `options` to its handler; an app in
 * its own process builds the same options with `fixtureOptions(profile)` from
 * `@agent-tasks/conformance/fixture` (see `fixtureEnv` and `fixtureBasePaths`).
 */
export interface ConformanceTarget {
  name: string
  /**
   * Set when the app parses JSON before the adapter runs (e.g. `express.json()`): malformed JSON is
   * then refused by that parser with its own 400, outside the adapter's reach.
   */
  upstreamBodyParser?: boolean
  start(emulator: Emulator, options: ConformanceOptions, setup: ConformanceSetup): Promise<RunningApp>
}
