import type { BrowserContextOptions } from '@playwright/test'

/** The user a link signs in: a Clerk user id, or an identifier (verified email address, username or phone number). */
export type AgentTaskUser = { userId: string; identifier?: never } | { identifier: string; userId?: never }

/** A user the worker fixture creates through the Backend API before signing in, and deletes at teardown. */
export interface NewTestUser {
  /** Default: `playwright-w<parallelIndex>-<random>+clerk_test@example.com`. */
  emailAddress?: string | undefined
  username?: string | undefined
  /** Default: `Playwright`. */
  firstName?: string | undefined
  /** Default: `Worker <parallelIndex>`. */
  lastName?: string | undefined
}

/** Who a worker signs in as: an existing user, or `{ create: true }` for a fresh user per worker. */
export type WorkerUserChoice = AgentTaskUser | { create: true | NewTestUser }

/** The worker a user is picked for (Playwright's `workerIndex` and `parallelIndex`). */
export interface WorkerIdentity {
  /** Unique per worker process; grows when a worker restarts after a failure. */
  workerIndex: number
  /** `0 … workers - 1`, reused by a replacement worker: use it to pick from a fixed pool of users. */
  parallelIndex: number
}

/** Where the Clerk Backend API is and which key to use. */
export interface ClerkConnectionOptions {
  /** Default: `CLERK_SECRET_KEY`. */
  secretKey?: string | undefined
  /** Default: `CLERK_API_URL`, else Clerk's (`https://api.clerk.com`). Point it at the emulator in tests. */
  apiUrl?: string | undefined
  /**
   * Allow a production key (`sk_live_…`). Default: `false`, or `true` when `AGENT_TASKS_ALLOW_LIVE_KEYS=1`.
   * Signing in through a live instance creates real sessions for real users.
   */
  allowLiveKeys?: boolean | undefined
}

/** How the agent task is minted and how long the browser may take. */
export interface AgentTaskLinkOptions {
  /** `agentName` of the task (Clerk derives a stable agent id from it). Default: `playwright`. */
  agentName?: string | undefined
  /** `taskDescription` of the task, kept in Clerk's audit log. Default: `Playwright sign-in`. */
  taskDescription?: string | undefined
  /** Lifetime of the session the link creates. Default: `3600` (one hour; Clerk's own default is 1800). */
  sessionMaxDurationInSeconds?: number | undefined
  /** How long the browser may take from the link to the settled app page. Default: `30000`. */
  timeoutMs?: number | undefined
}

/** Options of {@link signInWithAgentTask}. */
export interface SignInWithAgentTaskOptions extends ClerkConnectionOptions, AgentTaskLinkOptions {
  /** Who to sign in. */
  user: AgentTaskUser
  /** Where the link lands: an absolute URL, or a path resolved against `baseURL`. Default: `baseURL`. */
  redirectUrl?: string | undefined
  /** Resolves a relative `redirectUrl`; also the new context's `baseURL` when given a `Browser`. */
  baseURL?: string | undefined
  /** Options for the new context when given a `Browser` (ignored for a `BrowserContext`). */
  contextOptions?: BrowserContextOptions | undefined
}

/** The worker-scoped `agentTasks` fixture option. */
export interface AgentTasksOptions extends ClerkConnectionOptions, AgentTaskLinkOptions {
  /**
   * Who each worker signs in as; a function of the worker picks per worker. Without it, `page` is not
   * signed in (the project's own `storageState` applies) and only `signInAs` signs in.
   */
  user?: WorkerUserChoice | ((worker: WorkerIdentity) => WorkerUserChoice) | undefined
  /** Where the worker's link lands: absolute, or a path resolved against the project's `use.baseURL`. Default: `baseURL`. */
  redirectUrl?: string | undefined
}
