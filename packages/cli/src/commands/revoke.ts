import { CliError } from '../cli-error.js'
import { clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'
import { agentSessionsOf } from './agent-sessions.js'

function clerkCode(error: unknown): string | undefined {
  const errors = (error as { errors?: Array<{ code?: string }> } | undefined)?.errors
  return Array.isArray(errors) ? errors[0]?.code : undefined
}

/**
 * `agent-tasks revoke <id>`: revokes an unused link. A used one can no longer be revoked: with
 * `--user`, the session it opened is ended instead.
 */
export async function revoke(agentTaskId: string, options: { user?: string; json?: boolean; live?: boolean }): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(agentTaskId)) throw new CliError(`${agentTaskId} is not an agent task ID.`, 2)
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  try {
    await clerk.agentTasks.revoke(agentTaskId)
    if (options.json) return void io.json({ agentTaskId, revoked: true, endedSessionIds: [] })
    return void io.out(`Revoked ${agentTaskId}: the link no longer signs anyone in.`)
  } catch (error) {
    if (clerkCode(error) !== 'agent_task_cannot_be_revoked') throw error
  }
  if (!options.user) {
    throw new CliError(`${agentTaskId} was already used (or revoked): its link no longer works. To end the session it opened, add --user <the user it signed in>.`)
  }
  const subject = await findUser(clerk, options.user)
  const opened = (await agentSessionsOf(clerk, subject.id)).filter((s) => s.agentTaskId === agentTaskId && s.status === 'active')
  for (const session of opened) await clerk.sessions.revokeSession(session.sessionId)
  if (options.json) return void io.json({ agentTaskId, revoked: false, endedSessionIds: opened.map((s) => s.sessionId) })
  io.out(opened.length > 0 ? `${agentTaskId} was used: ended the ${opened.length} session(s) it opened for ${subject.label}.` : `${agentTaskId} was used or revoked, and no session it opened is active.`)
}
