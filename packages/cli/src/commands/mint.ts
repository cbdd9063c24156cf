import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'
import { landingUrl } from '../landing.js'

export interface MintOptions {
  user: string
  redirect?: string
  duration?: number
  agent?: string
  description?: string
  json?: boolean
  live?: boolean
}

/** `agent-tasks mint`: the link alone on stdout, the details on stderr. */
export async function mint(options: MintOptions): Promise<void> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const landing = landingUrl(options.redirect)
  const subject = await findUser(clerk, options.user)
  const agentTasks = adminAgentTasks(clerk, [landing.origin])
  const task = await agentTasks.create(
    {
      redirectUrl: landing.url,
      ...(options.duration === undefined ? {} : { sessionMaxDurationInSeconds: options.duration }),
      ...(options.agent === undefined ? {} : { agentName: options.agent }),
      ...(options.description === undefined ? {} : { taskDescription: options.description }),
    },
    { auth: { userId: subject.id }, context: undefined, origin: landing.origin },
  )
  if (options.json) return void io.json(task)
  io.out(task.url)
  io.info(
    `Agent task ${task.agentTaskId} for ${subject.label} (${subject.id}): lands on ${task.redirectUrl}, session up to ${task.sessionMaxDurationInSeconds} s, agent "${task.agentName}".\nThe link signs in as this user once: treat it as a password. Revoke it with: agent-tasks revoke ${task.agentTaskId} --user ${subject.id}`,
  )
}
