import { randomBytes } from 'node:crypto'
import type { ClerkClient } from '@clerk/backend'
import { describeClerkFailure, isClerkFailure } from './clerk.js'
import { AgentTaskSignInError } from './errors.js'
import type { NewTestUser, WorkerIdentity } from './options.js'

/** Creates the worker's own user through the Backend API (emails are created verified). */
export async function createTestUser(clerk: ClerkClient, spec: true | NewTestUser, worker: WorkerIdentity): Promise<string> {
  const input = spec === true ? {} : spec
  const emailAddress =
    input.emailAddress ??
    (input.username ? undefined : `playwright-w${worker.parallelIndex}-${randomBytes(4).toString('hex')}+clerk_test@example.com`)
  try {
    const user = await clerk.users.createUser({
      ...(emailAddress ? { emailAddress: [emailAddress] } : {}),
      ...(input.username ? { username: input.username } : {}),
      firstName: input.firstName ?? 'Playwright',
      lastName: input.lastName ?? `Worker ${worker.parallelIndex}`,
      skipPasswordRequirement: true,
    })
    return user.id
  } catch (error) {
    const failure = describeClerkFailure(error)
    throw new AgentTaskSignInError('mint_failed', `Clerk did not create the worker's test user: ${failure.summary}`, {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.code !== undefined ? { clerkCode: failure.code } : {}),
    })
  }
}

/** Deletes a user this package created (which also ends their sessions); fine if already gone. */
export async function deleteTestUser(clerk: ClerkClient, userId: string): Promise<void> {
  try {
    await clerk.users.deleteUser(userId)
  } catch (error) {
    if (isClerkFailure(error, 404)) return
    throw new AgentTaskSignInError(
      'cleanup_failed',
      `Cleanup failed while deleting the test user ${userId}: ${describeClerkFailure(error).summary}. Delete it in the Clerk dashboard.`,
    )
  }
}
