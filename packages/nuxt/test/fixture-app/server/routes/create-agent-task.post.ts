import { agentTasks } from '#agent-tasks'

// The hand-written route of Clerk's docs, in one line, at the app's own path.
export default agentTasks.route
