import type { Emulator } from '@agent-tasks/emulator'
import type { ConformanceOptions, ConformanceProfile } from './profiles.js'

/**
 * One app of the suite, every helper of one adapter instance mounted on it:
 * - `basePath`: the whole contract (`agentTasks.handler`);
 * - `routePath`: the single-route helper (`agentTasks.route`) at the app's own path;
 * - `programmaticPath`: app routes calling the instance's programmatic API, as `programmaticRoutes`
 *   in `@agent-tasks/conformance/fixture` describes.
 */
export interface RunningApp {
  /** Origin of the app, e.g. `http://127.0.0.1:51234`. */
  origin: string
  basePath: string
  routePath: string
  programmaticPath: string
  /** For an app in its own process: everything it printed so far (checked for leaked links). */
  output?(): string
  close(): Promise<void>
}

/** The app with the contract mounted but without the framework's Clerk middleware. */
export type AppWithoutClerk =
  /** Requests answer `misconfigured`. */
  | { app: Pick<RunningApp, 'origin' | 'basePath' | 'output' | 'close'> }
  /** The app refuses to start (e.g. Fastify's `ready()`), with this error. */
  | { startupError: unknown }

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
 * `start` is called once per profile and mounts every helper of one `createAgentTasks(options)`
 * instance. An app in its own process builds the same options with `fixtureOptions(profile)` from
 * `@agent-tasks/conformance/fixture`.
 */
export interface ConformanceTarget {
  name: string
  /**
   * Set when the app parses JSON before the adapter runs (e.g. `express.json()`): malformed JSON is
   * then refused by that parser with its own 400, and slow bodies are that parser's to time out.
   */
  upstreamBodyParser?: boolean
  /**
   * Who reads a request body before the adapter does, when something does (`express.json()`, Next.js
   * buffering the body for its proxy): a body that never finishes arriving is then theirs to time out,
   * and the 408 case is skipped.
   */
  bodyReadBeforeAdapterBy?: string
  /**
   * The framework's server, when it turns away a malformed `Host` or an absolute-form request line
   * before the adapter sees the request (`react-router-serve` answers 500, without a stack): those
   * cases then only check that nothing was minted and no stack trace was shown.
   */
  requestTargetRefusedBy?: string
  /**
   * The framework's own cross-site write check, when it refuses a write before the adapter runs unless
   * it carries a same-origin `Origin` or a `Content-Type` that is not a form's (Astro's
   * `security.checkOrigin`, on by default). Clients of such an app send `Content-Type:
   * application/json` on every write, so the suite does too; and the form-encoded bodies of the 415
   * case, which that check refuses cross-site, are sent same-origin so they reach the adapter.
   */
  crossSiteWritesRefusedBy?: string
  start(emulator: Emulator, options: ConformanceOptions, setup: ConformanceSetup): Promise<RunningApp>
  /** The app without the Clerk middleware, and the fix the adapter must name (e.g. "app.use(clerkMiddleware())"). */
  withoutClerk: { fix: string; start(emulator: Emulator): Promise<AppWithoutClerk> }
}
