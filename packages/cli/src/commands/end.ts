import { endAllAgentAccess } from '../agent-access.js'
import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'

/** `agent-tasks end --user`: the kill switch, ending every active agent session of the user. */
export async function end(options: { user: string; json?: boolean; live?: boolean }): Promise<void> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const subject = await findUser(clerk, options.user)
  const { endedSessionIds } = await endAllAgentAccess({ clerk, agentTasks: adminAgentTasks(clerk, []) }, subject)
  if (options.json) return void io.json({ userId: subject.id, endedSessionIds })
  io.out(`Ended ${endedSessionIds.length} agent session(s) of ${subject.label}.`)
  io.info('Unused links are not known to Clerk: revoke them with `agent-tasks revoke <id>` or from the app that minted them ("End all agent access").')
}
