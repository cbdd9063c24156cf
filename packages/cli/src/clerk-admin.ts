import { type AgentTasks, type AgentTaskStore, createAgentTasks } from '@agent-tasks/core'
import { createClerkClient } from '@clerk/backend'
import { CliError } from './cli-error.js'
import type { CliConfig } from './config.js'

export type ClerkClient = ReturnType<typeof createClerkClient>

export interface Subject {
  id: string
  label: string
}

/** The Clerk user an ID (`user_…`), email address or username names. */
export async function findUser(clerk: ClerkClient, who: string): Promise<Subject> {
  if (/^user_[A-Za-z0-9]+$/.test(who)) {
    const user = await clerk.users.getUser(who).catch(() => undefined)
    if (!user) throw new CliError(`No Clerk user ${who}: check the ID in the Clerk Dashboard.`)
    return { id: user.id, label: user.primaryEmailAddress?.emailAddress ?? user.username ?? user.id }
  }
  const query = who.includes('@') ? { emailAddress: [who] } : { username: [who] }
  const { data } = await clerk.users.getUserList({ ...query, limit: 2 })
  if (data.length !== 1) {
    throw new CliError(data.length === 0 ? `No Clerk user with ${who.includes('@') ? 'email' : 'username'} ${who}.` : `${who} names more than one user: use the user ID.`)
  }
  const [user] = data as [(typeof data)[number]]
  return { id: user.id, label: who }
}

export function clerkClientFor(config: CliConfig): ClerkClient {
  return createClerkClient({ secretKey: config.secretKey, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) })
}

/**
 * Core, as an administrator acting for one user: links are minted as that user (the ledger's owner
 * and subject), with the same validation, for any agent name, and no per-user limits (an operator is
 * not a runaway client). `origins`: where links may land. `store`: the ledger, when it must outlive
 * this instance (a long-running server makes one per call, as its Clerk settings may change).
 */
export function adminAgentTasks(clerk: ClerkClient, origins: readonly string[], store?: AgentTaskStore): AgentTasks<undefined> {
  return createAgentTasks<undefined>({
    clerkClient: clerk,
    allowAgentName: true,
    limits: false,
    redirect: { allowedOrigins: origins },
    ...(store ? { store } : {}),
  })
}

/** What every Clerk operation of this package needs: the client, and core for minting and the ledger. */
export interface Admin {
  clerk: ClerkClient
  agentTasks: AgentTasks<undefined>
}

/** The call context of core's operations, acting as `userId`. */
export function actingAs(userId: string) {
  return { auth: { userId }, context: undefined }
}
