import { adminAgentTasks, clerkClientFor, findUser } from '../clerk-admin.js'
import { clerkConfig } from '../config.js'
import { io } from '../io.js'
import { landingUrl } from '../landing.js'
import { signInToStorageState } from '../signed-in-state.js'

export interface SignInOptions {
  user: string
  url?: string
  storageState: string
  duration?: number
  description?: string
  json?: boolean
  live?: boolean
}

/**
 * `agent-tasks sign-in --storage-state <file>`: a link opened in headless Chromium, the signed-in
 * state written to the file; its path alone on stdout, the session's end on stderr. Never the link.
 */
export async function signIn(options: SignInOptions): Promise<void> {
  const clerk = clerkClientFor(await clerkConfig(options.live === true))
  const landing = landingUrl(options.url)
  const subject = await findUser(clerk, options.user)
  const state = await signInToStorageState(
    { clerk, agentTasks: adminAgentTasks(clerk, [landing.origin]) },
    subject,
    { redirectUrl: landing.url, origin: landing.origin, sessionMaxDurationInSeconds: options.duration, taskDescription: options.description },
    { path: options.storageState },
  )
  if (options.json) return void io.json({ ...state, userId: subject.id })
  io.out(state.path)
  io.info(
    `Signed in as ${subject.label} (${subject.id}) on ${state.landedAt}: session ${state.sessionId} (agent task ${state.agentTaskId}) ends at ${state.sessionEndsAt}.\n` +
      `The file signs a browser in as this user: treat it as a password. End the session with: agent-tasks revoke ${state.agentTaskId} --user ${subject.id}`,
  )
}
