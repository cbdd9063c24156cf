import { agentTasks } from '../agent-tasks.server.js'

// The hand-written route of Clerk's docs, in one line, at the app's own path.
export const action = agentTasks.route
