import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'
import { landingUrl } from '../landing.js'
import { mintLink } from '../mint-link.js'

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
  const task = await mintLink({ clerk, agentTasks: adminAgentTasks(clerk, [landing.origin]) }, subject, {
    redirectUrl: landing.url,
    origin: landing.origin,
    sessionMaxDurationInSeconds: options.duration,
    agentName: options.agent,
    taskDescription: options.description,
  })
  if (options.json) return void io.json(task)
  io.out(task.url)
  io.info(
    `Agent task ${task.agentTaskId} for ${subject.label} (${subject.id}): lands on ${task.redirectUrl}, session up to ${task.sessionMaxDurationInSeconds} s, agent "${task.agentName}".\nThe link signs in as this user once: treat it as a password. Revoke it with: agent-tasks revoke ${task.agentTaskId} --user ${subject.id}`,
  )
}
