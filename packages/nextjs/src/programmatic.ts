import type { AgentTaskRecord, AgentTasks, CreateAgentTaskInput, CreatedAgentTask } from '@agent-tasks/core'
import { headers } from 'next/headers.js'
import { readAuth } from './auth.js'
import { createNextAgentTasks } from './instance.js'
import type { NextAgentTasksContext } from './options.js'
import { publicOrigin } from './public-origin.js'

let defaultInstance: AgentTasks<NextAgentTasksContext> | undefined

function sharedDefault(): AgentTasks<NextAgentTasksContext> {
  defaultInstance ??= createNextAgentTasks({})
  return defaultInstance
}

/**
 * Mints a link for the signed-in user from a Server Action, a route handler or a server
 * component: reads the caller with `auth()` and the app's origin from `headers()`. Throws
 * `AgentTaskError`. Pass `agentTasks` (the `.agentTasks` of a handler or route) to share its
 * options and store.
 *
 * @example
 * 'use server'
 * import { createAgentTask } from '@agent-tasks/nextjs'
 *
 * export async function startAgent() {
 *   const { url } = await createAgentTask({ redirectUrl: '/reports', taskDescription: 'Summarise reports' })
 *   await startBrowserAgent(url) // hand the link to the agent; never log it
 * }
 */
export async function createAgentTask(
  input: CreateAgentTaskInput = {},
  agentTasks: AgentTasks<NextAgentTasksContext> = sharedDefault(),
): Promise<CreatedAgentTask> {
  const auth = await readAuth()
  return agentTasks.create(input, { auth, context: undefined, origin: publicOrigin(await headers()) })
}

/** Revokes an unused link the signed-in user minted, from a Server Action or any server code. Throws `AgentTaskError`. */
export async function revokeAgentTask(
  agentTaskId: string,
  agentTasks: AgentTasks<NextAgentTasksContext> = sharedDefault(),
): Promise<AgentTaskRecord> {
  return agentTasks.revoke(agentTaskId, { auth: await readAuth(), context: undefined })
}
