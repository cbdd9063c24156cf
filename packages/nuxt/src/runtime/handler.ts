// Mounted by the module at the configured path: the app's one instance (`#agent-tasks`, the module's
// alias for `server/agent-tasks.ts` or the default instance), as an h3 event handler.
import { agentTasks } from '#agent-tasks'

export default agentTasks.handler
