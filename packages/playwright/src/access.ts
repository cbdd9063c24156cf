import type { ClerkClient } from '@clerk/backend'
import { describeClerkFailure, isClerkFailure } from './clerk.js'
import { AgentTaskSignInError } from './errors.js'
import type { AgentTaskUser } from './options.js'

/** What a sign-in knows about the access it created; what teardown needs to end it. */
export interface MintedAccess {
  agentTaskId: string
  user: AgentTaskUser
  /** Known once the browser reached the app signed in. */
  sessionId?: string
  /** Known from `user`, or from the session token. */
  userId?: string
}

/**
 * Ends everything a link may have granted: the session it created, or, if no session was seen, the link
 * itself (when still unused) — and if it turns out to have been used anyway, the sessions Clerk has for
 * it. Throws `cleanup_failed` when something may still be live.
 */
export async function endAccess(clerk: ClerkClient, access: MintedAccess): Promise<void> {
  if (access.sessionId) {
    await endSession(clerk, access.sessionId)
    return
  }
  try {
    await clerk.agentTasks.revoke(access.agentTaskId)
    return
  } catch (error) {
    if (!isClerkFailure(error, 400)) {
      throw cleanupFailed(`revoking the unused agent task ${access.agentTaskId}`, error)
    }
  }
  // Used, but the browser never showed us the session (e.g. the app set no cookie): find it by its actor.
  const userId = access.userId ?? (await findUserId(clerk, access.user))
  if (!userId) return // the user is gone, and their sessions with them
  let sessions: Awaited<ReturnType<ClerkClient['sessions']['getSessionList']>>
  try {
    sessions = await clerk.sessions.getSessionList({ userId, status: 'active' })
  } catch (error) {
    throw cleanupFailed(`listing the sessions of ${userId} to find the one agent task ${access.agentTaskId} created`, error)
  }
  for (const session of sessions.data) {
    if (session.actor?.task_id === access.agentTaskId) await endSession(clerk, session.id)
  }
}

/** Revokes a session; fine if it has already ended (signed out, expired, user deleted). */
export async function endSession(clerk: ClerkClient, sessionId: string): Promise<void> {
  try {
    await clerk.sessions.revokeSession(sessionId)
    return
  } catch (revokeError) {
    try {
      const session = await clerk.sessions.getSession(sessionId)
      if (session.status !== 'active') return
    } catch (lookupError) {
      if (isClerkFailure(lookupError, 404)) return
    }
    throw cleanupFailed(`revoking session ${sessionId}`, revokeError)
  }
}

async function findUserId(clerk: ClerkClient, user: AgentTaskUser): Promise<string | undefined> {
  if (user.userId) return user.userId
  const identifier = user.identifier ?? ''
  const filter = identifier.includes('@')
    ? { emailAddress: [identifier] }
    : /^\+\d+$/.test(identifier)
      ? { phoneNumber: [identifier] }
      : { username: [identifier] }
  try {
    const { data } = await clerk.users.getUserList({ ...filter, limit: 1 })
    return data[0]?.id
  } catch (error) {
    throw cleanupFailed(`looking up the user "${identifier}"`, error)
  }
}

function cleanupFailed(what: string, error: unknown): AgentTaskSignInError {
  const failure = describeClerkFailure(error)
  return new AgentTaskSignInError(
    'cleanup_failed',
    `Cleanup failed while ${what}: ${failure.summary}. Access may still be live; revoke it in the Clerk dashboard.`,
    {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.code !== undefined ? { clerkCode: failure.code } : {}),
    },
  )
}

/** Runs every cleanup in order, even after one fails, then throws one error naming all failures. */
export async function runAllCleanups(cleanups: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = []
  for (const cleanup of cleanups) {
    try {
      await cleanup()
    } catch (error) {
      failures.push(error)
    }
  }
  if (failures.length === 0) return
  if (failures.length === 1) throw failures[0]
  throw new AgentTaskSignInError(
    'cleanup_failed',
    `${failures.length} cleanups failed:\n${failures.map((f) => `- ${f instanceof Error ? f.message : String(f)}`).join('\n')}`,
  )
}

/**
 * Runs `work`, then every cleanup whatever happened. The work's error wins (cleanup failures are appended
 * to its message); after work that succeeded, a cleanup failure is thrown.
 */
export async function withCleanups<T>(work: () => Promise<T>, cleanups: ReadonlyArray<() => Promise<void>>): Promise<T> {
  let result: T
  try {
    result = await work()
  } catch (error) {
    try {
      await runAllCleanups(cleanups)
    } catch (cleanupError) {
      if (error instanceof Error) error.message += `\nAlso: ${cleanupError instanceof Error ? cleanupError.message : String(cleanupError)}`
    }
    throw error
  }
  await runAllCleanups(cleanups)
  return result
}
