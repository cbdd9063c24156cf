import { agentTasks } from '../agent-tasks.server'

// One export each: React Router strips loaders and actions from the browser build.
export const loader = agentTasks.handler.loader
export const action = agentTasks.handler.action
