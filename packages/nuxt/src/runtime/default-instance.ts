// The instance the module mounts when the app has no `server/agent-tasks.ts`: the library's defaults.
import { createAgentTasks } from '../server/index.js'

export const agentTasks = createAgentTasks()
