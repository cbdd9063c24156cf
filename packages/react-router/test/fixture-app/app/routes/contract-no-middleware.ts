import { createAgentTasks } from '@agent-tasks/react-router'

// app/root.tsx skips Clerk's middleware here.
const { handler } = createAgentTasks()

// React Router strips loaders and actions from the client build, which needs one export each.
export const loader = handler.loader
export const action = handler.action
