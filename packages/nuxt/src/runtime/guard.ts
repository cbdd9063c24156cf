// Mounted by the module as server middleware with `agentTasks: { guard: true }`: the app's one
// instance's agent policy (`#agent-tasks`), on every request.
import { agentTasks } from '#agent-tasks'

export default agentTasks.guard
