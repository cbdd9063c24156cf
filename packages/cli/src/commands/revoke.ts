import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { endLink } from '../agent-access.js'
import { io } from '../io.js'

/**
 * `agent-tasks revoke <id>`: revokes an unused link. A used one can no longer be revoked: with
 * `--user`, the session it opened is ended instead.
 */
export async function revoke(agentTaskId: string, options: { user?: string; json?: boolean; live?: boolean }): Promise<void> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const subject = options.user ? await findUser(clerk, options.user) : undefined
  const ended = await endLink({ clerk, agentTasks: adminAgentTasks(clerk, []) }, agentTaskId, subject)
  if (options.json) return void io.json(ended)
  if (ended.revoked) return void io.out(`Revoked ${agentTaskId}: the link no longer signs anyone in.`)
  const opened = ended.endedSessionIds.length
  io.out(opened > 0 ? `${agentTaskId} was used: ended the ${opened} session(s) it opened for ${subject?.label}.` : `${agentTaskId} was used or revoked, and no session it opened is active.`)
}
