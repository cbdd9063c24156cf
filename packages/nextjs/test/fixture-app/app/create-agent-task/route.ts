import { agentTasks } from '../../lib/agent-tasks.js'

// The hand-written route of Clerk's docs, in one line, at the app's own path.
export const POST = agentTasks.route
