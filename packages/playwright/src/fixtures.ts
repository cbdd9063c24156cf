import type { ClerkClient } from '@clerk/backend'
import { test as base, type BrowserContextOptions, type WorkerInfo } from '@playwright/test'
import { runAllCleanups, withCleanups } from './access.js'
import { clerkClientFor } from './clerk.js'
import { checkUser, pickWorkerUser, resolveClerkConnection, resolveLinkOptions, resolveRedirectUrl } from './config.js'
import { AgentTaskSignInError } from './errors.js'
import { type HeldAccess, type LiveAccessRegistry, processLiveAccess } from './live-access.js'
import type { AgentTaskLinkOptions, AgentTasksOptions, AgentTaskUser } from './options.js'
import { type AgentTaskSignIn, type StorageState, signInWith } from './sign-in.js'
import { createTestUser, deleteTestUser } from './users.js'

/** The worker's signed-in session, shared by every test of the worker through `storageState`. */
export interface AgentTaskWorkerSession {
  readonly userId: string
  readonly sessionId: string
  readonly agentTaskId: string
  readonly agentId: string
  /** Where the worker's link settled. */
  readonly landedUrl: string
  /** True when the fixture created this user (`user: { create: … }`) and deletes it at teardown. */
  readonly createdUser: boolean
  /** Cookies and storage right after sign-in; the `storageState` of every test's context. */
  readonly storageState: StorageState
}

/** Per-call options of `signInAs`; the connection and the other defaults come from `agentTasks`. */
export interface SignInAsOptions extends AgentTaskLinkOptions {
  /** Absolute, or a path resolved against the test's `baseURL`. Default: `agentTasks.redirectUrl`, else `baseURL`. */
  redirectUrl?: string
  /** Extra options for the new context (on top of the test's `baseURL`, `viewport`, `locale`, … and `contextOptions`). */
  contextOptions?: BrowserContextOptions
}

/** Signs a fresh context in as `user`; ended and closed when the test ends. */
export type SignInAs = (user: AgentTaskUser, options?: SignInAsOptions) => Promise<AgentTaskSignIn>

export interface AgentTasksTestFixtures {
  signInAs: SignInAs
}

/** The option this package adds, for typing a config: `defineConfig<object, AgentTasksWorkerOptions>({ use: { agentTasks } })`. */
export interface AgentTasksWorkerOptions {
  /** Worker-scoped: set in `use` of the config or a project, or with `test.use()` at file level. */
  agentTasks: AgentTasksOptions
}

export interface AgentTasksWorkerFixtures extends AgentTasksWorkerOptions {
  /** The worker's sign-in (throws if `agentTasks.user` is not set). */
  agentTaskSession: AgentTaskWorkerSession
  /** Internal: what this worker minted and has not ended yet; ended at the worker's (possibly interrupted) end. */
  _agentTasksLiveAccess: LiveAccessRegistry
  /** Internal: the worker's sign-in, or `undefined` without `agentTasks.user`. Use `agentTaskSession`. */
  _agentTaskWorkerSession: AgentTaskWorkerSession | undefined
}

/** Context options from the project's `use`, for contexts a worker fixture opens (worker fixtures cannot see test options). */
function projectContextOptions(workerInfo: WorkerInfo): BrowserContextOptions {
  const use = workerInfo.project.use
  return definedOnly({
    ...use.contextOptions,
    baseURL: use.baseURL,
    ignoreHTTPSErrors: use.ignoreHTTPSErrors,
    extraHTTPHeaders: use.extraHTTPHeaders,
    httpCredentials: use.httpCredentials,
    userAgent: use.userAgent,
    locale: use.locale,
    timezoneId: use.timezoneId,
  })
}

type DefinedOnly<T> = { [K in keyof T]?: Exclude<T[K], undefined> }

function definedOnly<T extends object>(value: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DefinedOnly<T>
}

/**
 * Playwright's `test` with agent-task sign-in. With `agentTasks.user` set, each worker signs in once
 * (one link, one session, optionally one fresh user) and every test's `page` / `context` starts from that
 * signed-in `storageState`; `signInAs` signs extra contexts in. Teardown ends every session and revokes
 * every unused link.
 */
export const test = base.extend<AgentTasksTestFixtures, AgentTasksWorkerFixtures>({
  agentTasks: [{}, { scope: 'worker', option: true }],

  _agentTasksLiveAccess: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const registry = processLiveAccess()
      registry.open()
      await use(registry)
      // Set up before every sign-in, so torn down after them. On an interrupt, Playwright tears down a
      // fixture that was still being set up as if it never started, and exits once teardown is done: this
      // is where what such a fixture minted (a link, a session, a test user) is ended.
      await registry.endAll()
    },
    { scope: 'worker', auto: true, box: true, timeout: 30_000 },
  ],

  _agentTaskWorkerSession: [
    async ({ _agentTasksLiveAccess: registry, browser, agentTasks }, use, workerInfo) => {
      if (!agentTasks.user) {
        await use(undefined)
        return
      }
      const worker = { workerIndex: workerInfo.workerIndex, parallelIndex: workerInfo.parallelIndex }
      const clerk = clerkClientFor(resolveClerkConnection(agentTasks))
      const link = resolveLinkOptions(agentTasks)
      const redirectUrl = resolveRedirectUrl(agentTasks.redirectUrl, workerInfo.project.use.baseURL)
      const choice = pickWorkerUser(agentTasks.user, worker)
      let createdUser: HeldAccess | undefined
      let signIn: AgentTaskSignIn | undefined
      await withCleanups(
        async () => {
          const createdUserId =
            'create' in choice
              ? await registry.attempt(async (attempt) => {
                  const { created: userId, held } = await attempt.mint(
                    () => createTestUser(clerk, choice.create, worker),
                    (userId) => deleteTestUser(clerk, userId),
                  )
                  createdUser = held
                  attempt.throwIfInterrupted()
                  return userId
                })
              : undefined
          const user: AgentTaskUser = createdUserId ? { userId: createdUserId } : checkUser(choice)
          signIn = await signInWith(
            clerk,
            browser,
            { user, link, redirectUrl, contextOptions: projectContextOptions(workerInfo) },
            registry,
          )
          const storageState = await signIn.storageState()
          await signIn.context.close()
          await use({
            userId: signIn.userId,
            sessionId: signIn.sessionId,
            agentTaskId: signIn.agentTaskId,
            agentId: signIn.agentId,
            landedUrl: signIn.landedUrl,
            createdUser: createdUserId !== undefined,
            storageState,
          })
        },
        // Whatever happened (storageState() or close() failing included): the session first, then the
        // user — deleting the user would also end the session, but not if deletion fails.
        [async () => signIn?.dispose(), async () => createdUser?.end()],
      )
    },
    { scope: 'worker', timeout: 60_000, box: true },
  ],

  agentTaskSession: [
    async ({ _agentTaskWorkerSession }, use) => {
      if (!_agentTaskWorkerSession) {
        throw new AgentTaskSignInError(
          'invalid_option',
          'agentTaskSession needs a user: set agentTasks.user in the Playwright config (use: { agentTasks: { user: { identifier: "…" } } }) or with test.use().',
        )
      }
      await use(_agentTaskWorkerSession)
    },
    { scope: 'worker' },
  ],

  storageState: async ({ storageState, _agentTaskWorkerSession }, use) => {
    await use(_agentTaskWorkerSession ? _agentTaskWorkerSession.storageState : storageState)
  },

  signInAs: async (
    { _agentTasksLiveAccess: registry, browser, agentTasks, baseURL, contextOptions, viewport, locale, timezoneId, userAgent, ignoreHTTPSErrors, extraHTTPHeaders },
    use,
  ) => {
    const signIns: AgentTaskSignIn[] = []
    let clerk: ClerkClient | undefined
    const testContextOptions = definedOnly({
      ...contextOptions,
      baseURL,
      viewport,
      locale,
      timezoneId,
      userAgent,
      ignoreHTTPSErrors,
      extraHTTPHeaders,
    })
    await use(async (user, options = {}) => {
      clerk ??= clerkClientFor(resolveClerkConnection(agentTasks))
      const signIn = await signInWith(clerk, browser, {
        user: checkUser(user),
        link: resolveLinkOptions({ ...agentTasks, ...definedOnly(options) }),
        redirectUrl: resolveRedirectUrl(options.redirectUrl ?? agentTasks.redirectUrl, baseURL),
        contextOptions: { ...testContextOptions, ...options.contextOptions },
      }, registry)
      signIns.push(signIn)
      return signIn
    })
    await runAllCleanups(signIns.map((signIn) => () => signIn.dispose()))
  },
})

export { expect } from '@playwright/test'
