import type { ClerkClient } from '@clerk/backend'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test'
import { endAccess, type MintedAccess } from './access.js'
import { clerkClientFor, describeClerkFailure } from './clerk.js'
import {
  checkUser,
  type ResolvedLinkOptions,
  resolveClerkConnection,
  resolveLinkOptions,
  resolveRedirectUrl,
} from './config.js'
import { AgentTaskSignInError } from './errors.js'
import { type Attempt, type LiveAccessRegistry, processLiveAccess } from './live-access.js'
import type { AgentTaskUser, SignInWithAgentTaskOptions } from './options.js'
import { describeUrl } from './describe-url.js'
import { readSessionCookie } from './session-cookie.js'
import { visitLink } from './visit.js'

/** What `BrowserContext.storageState()` returns; accepted by `storageState` options and `browser.newContext()`. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

/** A browser context signed in through an agent-task link. */
export interface AgentTaskSignIn {
  /** The page that opened the link, now on the app. */
  readonly page: Page
  readonly context: BrowserContext
  /** The signed-in user (the session token's `sub`). */
  readonly userId: string
  /** The session the link created (the session token's `sid`). */
  readonly sessionId: string
  readonly agentTaskId: string
  /** Clerk's stable id for the `agentName`. */
  readonly agentId: string
  /** Where the page settled (the link's `redirectUrl`, after the handshake; Clerk's query parameters removed). */
  readonly landedUrl: string
  /** The context's cookies and storage: give it to `storageState` to open more signed-in contexts. */
  storageState(): Promise<StorageState>
  /**
   * Ends the session in Clerk (`sessions.revokeSession`) and closes the context if this sign-in created it
   * (a context you passed in stays open). Safe to call twice; after a `cleanup_failed` rejection, calling
   * it again retries. Session tokens already issued stay valid
   * until they expire (60 s), as with any Clerk sign-out.
   */
  dispose(): Promise<void>
}

/** Inputs after resolution; what the fixtures pass with a shared client. */
export interface ResolvedSignIn {
  user: AgentTaskUser
  link: ResolvedLinkOptions
  redirectUrl: URL
  contextOptions: BrowserContextOptions
}

/**
 * Mints an agent-task link for `options.user` with `@clerk/backend`, opens it in a fresh context of
 * `browser` (or in the given context), waits until the page is settled on the app signed in, and returns
 * it. On failure it revokes the unused link (or ends the session it created) before throwing
 * {@link AgentTaskSignInError}. Call `dispose()` when done.
 */
export async function signInWithAgentTask(
  target: Browser | BrowserContext,
  options: SignInWithAgentTaskOptions,
): Promise<AgentTaskSignIn> {
  const connection = resolveClerkConnection(options)
  const resolved: ResolvedSignIn = {
    user: checkUser(options.user),
    link: resolveLinkOptions(options),
    redirectUrl: resolveRedirectUrl(options.redirectUrl, options.baseURL),
    contextOptions: { ...(options.baseURL ? { baseURL: options.baseURL } : {}), ...options.contextOptions },
  }
  return signInWith(clerkClientFor(connection), target, resolved)
}

export async function signInWith(
  clerk: ClerkClient,
  target: Browser | BrowserContext,
  input: ResolvedSignIn,
  registry: LiveAccessRegistry = processLiveAccess(),
): Promise<AgentTaskSignIn> {
  return registry.attempt((attempt) => signInAttempt(clerk, target, input, attempt))
}

async function signInAttempt(
  clerk: ClerkClient,
  target: Browser | BrowserContext,
  input: ResolvedSignIn,
  attempt: Attempt,
): Promise<AgentTaskSignIn> {
  // Held from the moment the link exists until it is ended: an interrupt anywhere after this ends it.
  const {
    created: { task, access },
    held,
  } = await attempt.mint(
    async () => {
      const task = await mint(clerk, input)
      const access: MintedAccess = {
        agentTaskId: task.agentTaskId,
        user: input.user,
        ...(input.user.userId ? { userId: input.user.userId } : {}),
      }
      return { task, access }
    },
    (minted) => endAccess(clerk, minted.access),
  )
  const ownsContext = isBrowser(target)
  let context: BrowserContext | undefined
  let page: Page | undefined
  try {
    attempt.throwIfInterrupted()
    context = isBrowser(target) ? await target.newContext(input.contextOptions) : target
    const openedContext = context
    if (ownsContext) attempt.onInterrupt(() => openedContext.close())
    page = await context.newPage()
    const openedPage = page
    if (!ownsContext) attempt.onInterrupt(() => openedPage.close())
    await visitLink(page, task.url, { redirectUrl: input.redirectUrl, timeoutMs: input.link.timeoutMs })
    const claims = await readSessionCookie(context, page.url())
    if (!claims) {
      throw new AgentTaskSignInError(
        'not_signed_in',
        `The link landed on ${describeUrl(page.url())}, but the app set no Clerk session cookie there. ` +
          'Does clerkMiddleware() (or your framework’s Clerk middleware) run on that page, with keys of the same Clerk instance as the secret key?',
      )
    }
    const taskOfSession = claims.act?.task_id
    if (typeof taskOfSession === 'string' && taskOfSession !== task.agentTaskId) {
      throw new AgentTaskSignInError(
        'not_signed_in',
        `The page at ${describeUrl(page.url())} carries a session from another agent task, not from this link.`,
      )
    }
    access.userId = claims.sub
    access.sessionId = claims.sid
    attempt.throwIfInterrupted()
  } catch (error) {
    const cleanups = [held.end(), ownsContext ? context?.close() : page?.close()]
    const failures = (await Promise.allSettled(cleanups)).flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    if (failures.length > 0 && error instanceof Error) {
      error.message += `\nAlso: ${failures.map((f) => (f instanceof Error ? f.message : String(f))).join('; ')}`
    }
    throw error
  }
  const signedInContext = context
  let disposed: Promise<void> | undefined
  return {
    page,
    context: signedInContext,
    userId: access.userId,
    sessionId: access.sessionId,
    agentTaskId: task.agentTaskId,
    agentId: task.agentId,
    landedUrl: withoutClerkParams(page.url()),
    storageState: () => signedInContext.storageState(),
    dispose() {
      disposed ??= (async () => {
        try {
          await held.end()
        } catch (error) {
          disposed = undefined // let the caller retry
          throw error
        } finally {
          if (ownsContext) await signedInContext.close()
        }
      })()
      return disposed
    },
  }
}

async function mint(clerk: ClerkClient, input: ResolvedSignIn): Promise<{ agentTaskId: string; agentId: string; url: string }> {
  try {
    const task = await clerk.agentTasks.create({
      onBehalfOf: input.user.userId ? { userId: input.user.userId } : { identifier: input.user.identifier ?? '' },
      permissions: '*',
      agentName: input.link.agentName,
      taskDescription: input.link.taskDescription,
      redirectUrl: input.redirectUrl.href,
      sessionMaxDurationInSeconds: input.link.sessionMaxDurationInSeconds,
    })
    if (typeof task?.url !== 'string' || typeof task.agentTaskId !== 'string') {
      throw new Error('the response was not an agent task')
    }
    return { agentTaskId: task.agentTaskId, agentId: task.agentId, url: task.url }
  } catch (error) {
    const failure = describeClerkFailure(error)
    const who = input.user.userId ? `user ${input.user.userId}` : `"${input.user.identifier}"`
    throw new AgentTaskSignInError('mint_failed', `Clerk did not create an agent task for ${who}: ${failure.summary}`, {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.code !== undefined ? { clerkCode: failure.code } : {}),
    })
  }
}

function isBrowser(target: Browser | BrowserContext): target is Browser {
  return 'newContext' in target
}

function withoutClerkParams(url: string): string {
  const parsed = new URL(url)
  for (const name of [...parsed.searchParams.keys()]) {
    if (name.startsWith('__clerk')) parsed.searchParams.delete(name)
  }
  return parsed.href
}
