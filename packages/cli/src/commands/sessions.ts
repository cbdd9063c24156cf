import { clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'
import { agentSessionsOf } from '../agent-access.js'

/** `agent-tasks sessions --user`: the user's agent sessions (active ones, or all with --all). */
export async function sessions(options: { user: string; all?: boolean; json?: boolean; live?: boolean }): Promise<void> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const subject = await findUser(clerk, options.user)
  const found = (await agentSessionsOf(clerk, subject.id)).filter((s) => options.all || s.status === 'active')
  if (options.json) return void io.json(found)
  if (found.length === 0) return void io.info(`${subject.label} has no ${options.all ? '' : 'active '}agent sessions.`)
  for (const s of found) io.out([s.sessionId, s.status, s.agent ?? '-', s.agentTaskId ?? '-', s.createdAt, s.expiresAt].join('\t'))
  io.info(`${found.length} agent session(s) of ${subject.label}: session, status, agent, agent task, created, expires.`)
}
