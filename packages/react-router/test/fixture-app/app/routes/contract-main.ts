import { agentTasks } from '../agent-tasks.server.js'

// React Router strips loaders and actions from the client build, which needs one export each.
export const loader = agentTasks.handler.loader
export const action = agentTasks.handler.action
